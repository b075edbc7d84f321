/* ui.h: the interactive browser's state. One struct ui, owned by app.c, holds
 * every pane's state; panes get the ui (or just their own view) passed in and
 * draw on a surface, never on a terminal. Strings shown to the user are looked
 * up with _() when drawn, never kept, so the interface language can change at
 * run time. */
#ifndef ANNALS_UI_H
#define ANNALS_UI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "article.h"
#include "events.h"

struct happenings;
#include "keymap.h"
#include "layout.h"
#include "split.h"
#include "surface.h"
#include "term.h"
#include "uilang.h"

#define UI_MIN_W 20                     /* below this a terminal gets "too small" */
#define UI_MIN_H 6
#define UI_WIDE_W 120                   /* from here list and timeline sit beside the reader */
#define UI_NONE ((size_t)-1)

enum ui_pane { PANE_LIST = 0, PANE_TIMELINE, PANE_READER, PANE_COUNT };

struct state;
struct annals;

/* ---- the document list (pane_list.c) */
/* The orders o cycles through, as mutt's sort key does. */
enum list_sort { LIST_BY_DATE = 0, LIST_BY_DATE_DESC, LIST_BY_TITLE, LIST_BY_LANG, LIST_SORT_COUNT };

struct list_view {
	size_t *rows;                   /* article indices shown, filtered and sorted */
	size_t nrows;
	size_t sel, top;
	char (*langs)[LANG_TAG_MAX];    /* every language in the collection */
	size_t nlangs;
	size_t filter;                  /* 0: all; i: only articles holding langs[i - 1] */
	enum list_sort sort;
	int height;                     /* rows of the last draw, for paging */
	/* The reading state (state.h), for unread and marked rows; NULL: none. */
	const struct state *st;
	enum list_only { LIST_ALL = 0, LIST_UNREAD, LIST_MARKED } only;
	/* f: what was typed at its prompt ("" none): a year, a language, or
	 * words that all occur in the title or the source (folded as search does) */
	char *query;
	int query_year;                 /* the query read as a year, or 0 */
	char query_lang[LANG_TAG_MAX];  /* the query read as a language, or "" */
	char *query_folded;             /* the query's words, folded, or NULL */
	bool filling;                   /* more articles are coming (a first ingestion) */
};

/* ---- the timeline (pane_timeline.c) */
#define TIMELINE_ROW_LANGS 4
/* A row for each happening: at 100,000 articles there are hundreds of
 * thousands, so a row names its languages by their place in the view's
 * table of them (timeline_view.tags), not by their tags. */
struct timeline_row {
	bool heading;                   /* a year heading, else one happening */
	unsigned char nlangs;
	unsigned char langs[TIMELINE_ROW_LANGS];  /* the group's languages, in order
						     met: places in tags */
	int year;
	size_t event;                   /* the group's first event (event rows) */
	size_t count;                   /* happenings in the year (headings) */
};

struct timeline_year {
	int year;
	size_t count;                   /* happenings (rows) that year */
	size_t row;                     /* its heading row */
};

struct timeline_view {
	struct timeline_row *rows;
	size_t nrows;
	char (*tags)[LANG_TAG_MAX];     /* every language of the events, as met */
	size_t ntags;
	size_t *row_of_event;           /* for each event, the row showing its group */
	struct timeline_year *years;
	size_t nyears;
	size_t sel, top;                /* sel is an event row when there is one */
	int height;
	int rows_y;                     /* screen row of the first row (last draw) */
	enum uilang_id lang;            /* the interface language of the next draw (its dates) */
	/* the next draw's happenings and reading language: each row shows the
	   happening's version in it (NULL: the first report) */
	const struct happenings *happ;
	const char *read_lang;
	size_t bar_first;               /* the first year the year bar shows (it scrolls) */
};

/* ---- a reader (pane_reader.c); side-by-side reading will hold two */
struct reader_pos {
	size_t para;                    /* paragraph of the first visible line; UI_NONE: the header */
	size_t off;                     /* byte offset of that line in the paragraph (header: its line) */
};

struct reader_line {
	size_t para;
	size_t start, end;              /* bytes of the paragraph's text */
	int indent;
	bool blank;                     /* the gap after a paragraph */
};

struct reader_view {
	size_t article;                 /* index into the collection; UI_NONE: nothing open */
	struct reader_pos pos;
	struct reader_pos *memory;      /* the position last seen in each article */
	size_t nmemory;
	bool hl;                        /* a date expression to highlight */
	size_t hl_para, hl_start, hl_len;
	/* the body wrapped for one width, rebuilt when the article or width changes */
	struct reader_line *lines;
	size_t nlines;
	size_t laid_article;
	int laid_width;
	int laid_image_w;               /* the image label's width then (it is translated) */
	enum uilang_id lang;            /* the interface language of the next draw (its dates) */
	int width, height;              /* text area of the last draw */
	int max_width;                  /* the widest line in columns (--width); 0: the pane's */
	/* Matches of the current search in this article (not owned; app.c sets them
	 * before each draw), shown wherever they are on screen. */
	const struct search_match *marks;
	size_t nmarks;
};

/* ---- a one-line prompt (prompt.c) */
enum prompt_result { PROMPT_MORE = 0, PROMPT_SUBMIT, PROMPT_CANCEL };
#define PROMPT_MAX 256

#define PROMPT_HISTORY 32

/* What was entered at one kind of prompt during the run, oldest first. */
struct prompt_history {
	char *v[PROMPT_HISTORY];
	size_t n;
};

struct prompt {
	bool active;
	const char *label;              /* msgid; translated when drawn */
	bool digits_only;               /* accepts only digits (ASCII or full-width) */
	char text[PROMPT_MAX];
	size_t len;
	size_t cur;                     /* the cursor, a byte offset into text */
	struct prompt_history *hist;    /* up and down walk it; NULL: none */
	size_t hist_at;                 /* hist->n: the line being typed */
	char typed[PROMPT_MAX];         /* that line, kept while walking the history */
};

enum ui_prompt_for { UI_PROMPT_NONE = 0, UI_PROMPT_YEAR, UI_PROMPT_SEARCH, UI_PROMPT_FILTER,
		     UI_PROMPT_PIPE, UI_PROMPT_KINDS };

/* A program to run, or text for the clipboard, once the key is handled
 * (app_links.c): the loop holds the terminal they need. */
enum ui_run_kind { UI_RUN_NONE = 0, UI_RUN_BROWSER, UI_RUN_EDITOR, UI_RUN_PIPE, UI_RUN_COPY };
struct ui_run {
	enum ui_run_kind kind;
	size_t article;
	char *cmd;                      /* the piped command, or the text to copy; owned */
};

/* ---- search results (pane_search.c): they take the list pane's place while open */
struct search_index;
struct search_match;

struct results_view {
	struct search_index *ix;        /* made at the first search */
	char query[PROMPT_MAX];         /* the current query; "" when none */
	struct search_match *m;         /* its matches, in collection order */
	size_t n;
	bool partial;                   /* only the first screenfuls found so far */
	bool open;                      /* the results are shown instead of the list */
	size_t sel, top;
	size_t cur;                     /* the match the reader stands on, or UI_NONE */
	size_t split_cur;               /* the match side-by-side reading shows, or UI_NONE */
	int height;
};

/* ---- help (help.c) */
struct help_view {
	bool open;
	size_t top;
	int height;
	size_t rows;                    /* rows of the last draw (descriptions wrap) */
};

struct ui {
	const struct collection *col;
	/* Where a search finds its candidates (search.h), or NULL: an index of
	 * the collection is built in memory at the first search. */
	const struct search_source *search_src;
	/* Called by the loop at every event and every tick while set (a task
	 * that runs beside the browser: the index's sync); it clears it when done. */
	void (*pending)(struct ui *ui, void *ctx);
	void *pending_ctx;
	struct keymap keys;             /* what each key does (keymap.h); defaults at app_init */
	long count;                     /* digits typed before a key (5j), 0: none */
	const struct event_list *events;
	struct layout_opts lo;
	struct surface *surf;
	enum ui_pane focus;
	bool wide;                      /* panes side by side (last layout) */
	struct rect rects[PANE_COUNT];  /* where each pane was drawn; w == 0: hidden */
	struct list_view list;
	struct timeline_view tl;
	struct reader_view reader;
	size_t cur_event;               /* the event the reader stands on, or UI_NONE */
	struct happenings *happ;        /* the events' groups as happenings (app_walk.c) */
	const char *reading_lang;       /* the configured reading language, or NULL */
	char walk_lang[LANG_TAG_MAX];   /* the language [ ] keep to, while on events */
	struct prompt prompt;
	enum ui_prompt_for prompt_for;
	struct prompt_history history[UI_PROMPT_KINDS];
	struct help_view help;
	struct results_view results;
	const char *msg;                /* a one-off message (msgid with %d %d), or NULL */
	size_t msg_problems;            /* a one-off message: this many problems while loading */
	bool msg_lang;                  /* a one-off message naming the new interface language */
	struct uilang *uilang;          /* the interface language (L switches it); NULL: English */
	struct align_ctx *align;        /* what alignments share (align.h); NULL: none */
	int msg_a, msg_b;
	const char *msg_s;              /* when set, msg takes this one string (%s) instead */
	char msg_text[160];             /* a one-off message already written out ("" none):
					   one with a plural, written in the language of its key */
	bool quit;
	bool redraw;                    /* Ctrl-L: the terminal is to be painted afresh */
	bool suspend;                   /* Ctrl-Z: the loop is to stop the program for a while */
	bool interrupted;              /* quit by a signal (Ctrl-C): exit status 130 */
	struct split_view *split;       /* side-by-side reading (split.h); NULL: off */
	bool recolour;                  /* show colour i as colours[i] (the configured palette) */
	/* The reading state (app_state.c); NULL: nothing is kept (screen tests). */
	struct state *state;
	size_t state_article;           /* the reader's article at the last sync */
	size_t state_end_seen;          /* the article whose end was last seen on screen */
	bool state_back;                /* the reader's article came from going back */
	enum action last_act;           /* the last key's action */
	char msg_buf[256];              /* the text of a message made here (msg_s points to it) */
	struct ui_run run;              /* what app_links_run is to do next */
	size_t run_article;             /* the article the pipe prompt is for */
	int8_t colours[8];
	struct picker *picker;          /* choosing what goes beside it (split.h); NULL: closed */
};

/* app_walk.c: happenings in the browser. */
/* The reading language: the configured one, else the language of the event
 * the reader stands on, else the interface language's. */
const char *app_walk_reading_lang(const struct ui *ui);
/* Opens the version in the reading language of the happening of event. */
void app_walk_open(struct ui *ui, size_t event);
/* [ ] in the reader: the previous (dir -1) or next happening, count times. */
void app_walk_step(struct ui *ui, int dir, long count);
/* s on the happening of event: two of its versions side by side; false when
 * it has one text only. */
bool app_walk_split(struct ui *ui, size_t event);
/* [ ] side by side: the previous or next happening either side (art[s],
 * lang[s]: "" for the whole article) reports, shown on the focused side when
 * it reports it. */
void app_walk_split_step(struct ui *ui, int dir, long count, const size_t art[2],
			 const char lang[2][LANG_TAG_MAX], int focus);

/* app_fill.c: the browser during a first ingestion. */
/* Articles [from, ui->col->n) came: the list, the reader and search take them in. */
void app_fill_grow(struct ui *ui, size_t from);
/* What the user was on, by the articles' IDs, to find again in the whole
 * collection that takes the place of the articles that came. */
struct app_fill_place {
	char *list_id;                  /* the list's selected article, or NULL */
	size_t row;                     /* its row in the pane */
	char *reader_id;                /* the article read, or NULL */
	struct reader_pos pos;          /* where in it */
	enum ui_pane focus;
	enum list_sort sort;
	char filter[LANG_TAG_MAX];      /* the list's language filter, "" none */
	bool help;
	size_t help_top;
	/* a prompt being typed in, and what was entered at each kind (copies) */
	struct prompt prompt;
	enum ui_prompt_for prompt_for;
	struct prompt_history history[UI_PROMPT_KINDS];
	char query[PROMPT_MAX];         /* the search whose results were shown, "" none */
	size_t results_sel;
	long count;                     /* digits typed before a key */
	char *picker_id;                /* the article the chooser was open for, or NULL */
	char *picked_id;                /* the article of its choice then selected */
	char picked_lang[LANG_TAG_MAX]; /* and the part */
	char *split_id[2];              /* the split view's pair, or NULL */
	char split_lang[2][LANG_TAG_MAX];
	struct split_place split;       /* and where it stood */
};
void app_fill_keep(const struct ui *ui, struct app_fill_place *p);
/* Finds it again in ui's (new) collection, and frees p. */
void app_fill_restore(struct ui *ui, struct app_fill_place *p);
void app_fill_place_free(struct app_fill_place *p);

/* app.c: the loop, focus, key dispatch and the layout of the panes. */
void app_init(struct ui *ui, const struct collection *col, const struct event_list *ev,
	      const struct layout_opts *lo, int w, int h);
void app_free(struct ui *ui);
/* Lays the panes out on ui->surf and draws them. */
void app_draw(struct ui *ui);
void app_handle(struct ui *ui, const struct term_event *ev);
/* Does action a (count: the digits typed before its key, 0 for none). */
void app_act(struct ui *ui, enum action a, long count);
/* Draws, then handles events until quit, an interrupt or the end of input.
 * Returns true when the user quit (or was interrupted). */
bool app_loop(struct ui *ui, struct term *t);
/* app_state.c: the reading state in the browser. */
/* Opens the store for app's collections (none with --no-state) and, unless
 * --fresh, goes back to where the user was. */
void app_state_open(struct ui *ui, struct annals *app);
void app_state_close(struct ui *ui);
/* After each draw: saves the position, the place, the history, and marks as
 * read an article whose end is on screen. True when it put a message on the
 * status line (the screen is to be drawn again). */
bool app_state_sync(struct ui *ui);
/* The actions on the state: mark, marks, toggle-read, unread, back; true when a was one. */
bool app_state_act(struct ui *ui, enum action a);
/* Says on the status line what the store had to say (a warning), once;
 * true when it did. */
bool app_state_status(struct ui *ui);
/* The first marked event of article a when the article itself is not marked
 * (what Enter opens in the list of marks), or UI_NONE. */
size_t app_state_marked_event(const struct ui *ui, size_t a);

/* Opens the prompt for what, with its own history of entries. */
void app_prompt_open(struct ui *ui, enum ui_prompt_for what, const char *label, bool digits_only);

/* app_links.c: M, e, | and c. */
bool app_links_act(struct ui *ui, enum action a);
/* Runs what the last action asked for (ui->run), with the terminal given back. */
void app_links_run(struct ui *ui, struct term *t);
/* The pipe prompt's command, to run for the article it was opened on. */
void app_links_pipe(struct ui *ui, const char *cmd);
/* Whether a URL may go to the browser: http, https or file, and one word. */
bool app_links_url_ok(const char *url);

/* What the configuration says about the browser: key bindings, the list's
 * order, the palette (app->conf, app->opt). */
void app_configure(struct ui *ui, const struct annals *app);
/* Opens article a in the reader where it was last read. */
void app_open_article(struct ui *ui, size_t a);
/* Opens event i in the reader at its paragraph with its date highlighted. */
void app_open_event(struct ui *ui, size_t i);

/* app_lang.c: the L key and the language the panes draw in. */
/* Switches to the next interface language and says so on the status line. */
void app_lang_cycle(struct ui *ui);
/* The interface language now: the one the panes' dates are written in. */
enum uilang_id app_lang_id(const struct ui *ui);

/* Draws a pane's title bar on row r.y, marked when focused; returns the rect below. */
struct rect ui_pane_title(struct surface *s, struct rect r, const char *title, bool focused);
/* The same with where the pane stands ("¶ 3/12 · synced") at the bar's right
 * end; the title is cut first when both do not fit. */
struct rect ui_pane_title_at(struct surface *s, struct rect r, const char *title,
			     const char *where, bool focused);
/* A popup (the help, the chooser): box filled, so that nothing under it shows,
 * framed, its title in the top edge; returns the rect inside the frame. */
struct rect ui_popup(struct surface *s, struct rect box, const char *title);
/* A short badge for a language tag: EN, FR, 简, 繁 ... (static storage or buf). */
const char *ui_lang_badge(const char *tag, char buf[LANG_TAG_MAX]);
/* A language tag's name in the interface language ("French", "français",
 * "法语"); a tag we have no name for is shown as it is. */
const char *ui_lang_name(const char *tag);
/* The same name in English, untranslated. */
const char *ui_lang_name_en(const char *tag);
/* A count typed before a key (5j), or 1 when none was (count 0). */
long ui_count(long count);
/* The rows a moving action goes (up and down, half pages, pages; count
 * times) in a pane height rows high; false for other actions. */
bool ui_motion(enum action a, long count, int height, long *delta);
/* Keeps sel visible in a window of height rows starting at *top. */
void ui_scroll_to(size_t *top, size_t sel, size_t n, int height);
/* A row of a list of rows: plain, or selected (reversed in the focused pane,
 * bold and underlined in the others). */
struct style ui_row_style(bool sel, bool focused);
/* Restyles, on a screen line drawn at x, y from bytes [start, end) of text, the
 * columns of the bytes [from, to) that fall on it (a search match, an
 * emphasis): the reader and the split view mark their lines alike. */
void ui_mark_span(struct surface *s, const char *text, size_t start, size_t end, int x, int y,
		  size_t from, size_t to, struct style st);
/* The columns the badges of langs[0..n) take, one space between them. */
int ui_badges_width(const char (*langs)[LANG_TAG_MAX], size_t n, const struct layout_opts *lo);
/* Draws the badges of langs[0..n) at x, y in clip, in base's style (cyan on a
 * row that is not selected). */
void ui_badges(struct surface *s, struct rect clip, int x, int y,
	       const char (*langs)[LANG_TAG_MAX], size_t n, struct style base, bool sel);

/* pane_list.c */
void list_init(struct list_view *lv, const struct collection *col);
void list_free(struct list_view *lv);
void list_rebuild(struct list_view *lv, const struct collection *col);
/* Articles [from, col->n) were added to col: listed too, in their place in
 * the order, under the same filter; the selected article stays selected on
 * the same row of the pane. */
void list_grow(struct list_view *lv, const struct collection *col, size_t from);
void list_draw(struct list_view *lv, const struct collection *col, struct surface *s,
	       struct rect r, bool focused);
/* Moves or acts; true when the action was the list's. ACT_OPEN gives *open. */
bool list_act(struct list_view *lv, enum action a, long count, size_t *open);
/* o: the next order (date ascending, date descending, title, language). */
enum list_sort list_cycle_sort(struct list_view *lv, const struct collection *col);
/* f: narrows the list to query (NULL or "" clears it); returns the rows left. */
size_t list_set_query(struct list_view *lv, const struct collection *col, const char *query);
/* The order's name, translated ("by date", "newest first" ...). */
const char *list_sort_name(enum list_sort s);
/* l: the next language filter; returns its tag, NULL for all languages. */
const char *list_cycle_filter(struct list_view *lv, const struct collection *col);
void list_click(struct list_view *lv, struct rect r, int y);
void list_wheel(struct list_view *lv, int delta);
size_t list_selected(const struct list_view *lv);

/* pane_timeline.c */
void timeline_init(struct timeline_view *tv, const struct collection *col,
		   const struct event_list *ev);
void timeline_free(struct timeline_view *tv);
void timeline_draw(struct timeline_view *tv, const struct collection *col,
		   const struct event_list *ev, struct surface *s, struct rect r, bool focused);
/* Moves or acts; true when the action was the timeline's. ACT_OPEN gives *open (an event). */
bool timeline_act(struct timeline_view *tv, enum action a, long count, size_t *open);
/* Goes to year (or the nearest year with events); returns the year gone to, or 0. */
int timeline_goto_year(struct timeline_view *tv, int year);
void timeline_select_event(struct timeline_view *tv, size_t event);
void timeline_click(struct timeline_view *tv, int y);
void timeline_wheel(struct timeline_view *tv, int delta);
size_t timeline_selected_event(const struct timeline_view *tv);

/* pane_reader.c */
void reader_init(struct reader_view *rv, size_t narticles);
/* The collection now has narticles (more than before): each remembers its place too. */
void reader_grow(struct reader_view *rv, size_t narticles);
void reader_free(struct reader_view *rv);
void reader_open(struct reader_view *rv, size_t article);
void reader_open_at(struct reader_view *rv, size_t article, size_t para);
void reader_highlight(struct reader_view *rv, size_t para, size_t start, size_t len);
/* Scrolls so that byte off of paragraph para is in view (needs a previous draw
 * for the width; before one, that byte's line goes to the top). */
void reader_reveal(struct reader_view *rv, const struct collection *col,
		   const struct layout_opts *lo, size_t para, size_t off);
void reader_draw(struct reader_view *rv, const struct collection *col, struct surface *s,
		 struct rect r, bool focused);
/* Scrolls by lines (negative: up); needs a previous draw for the width. */
void reader_scroll(struct reader_view *rv, const struct collection *col,
		   const struct layout_opts *lo, long delta);
void reader_top(struct reader_view *rv);
void reader_bottom(struct reader_view *rv, const struct collection *col,
		   const struct layout_opts *lo);
/* Moves on an action (count: how many times, or 20G's paragraph); true when it
 * was the reader's. */
bool reader_act(struct reader_view *rv, const struct collection *col,
		const struct layout_opts *lo, enum action act, long count);
/* For the status line: the paragraph at the top (1-based), paragraphs, percent read
 * (-1 when the reader has not been drawn yet). */
void reader_progress(struct reader_view *rv, const struct collection *col,
		     const struct layout_opts *lo, size_t *para, size_t *npara, int *percent);

/* prompt.c */
void prompt_open(struct prompt *p, const char *label, bool digits_only);
void prompt_close(struct prompt *p);
/* Up and down at p walk h; prompt_remember adds what was entered to it. */
void prompt_use_history(struct prompt *p, struct prompt_history *h);
void prompt_remember(struct prompt *p);
void prompt_history_free(struct prompt_history *h);
enum prompt_result prompt_key(struct prompt *p, uint32_t key, const struct layout_opts *lo);
void prompt_draw(const struct prompt *p, struct surface *s, struct rect r);
/* The text as a number (ASCII or full-width digits), or -1 when it is none. */
long prompt_number(const struct prompt *p);

/* pane_search.c: the results of a search, and n / N across the collection */
void results_free(struct results_view *rv);
/* Runs query (what the search prompt gave) and shows its results. */
void results_submit(struct ui *ui, const char *query);
void results_draw(struct results_view *rv, const struct collection *col, struct surface *s,
		  struct rect r, bool focused);
/* Actions of the open results pane; true when the action was its. */
bool results_act(struct ui *ui, enum action a, long count);
/* n (dir 1) and N (dir -1): the next or previous match, in whichever article. */
void results_step(struct ui *ui, int dir);
/* n and N reading side by side: the next or previous match on either side. */
void results_step_split(struct ui *ui, int dir);
/* Opens match i in the reader, scrolled to it and highlighted. */
void results_open_match(struct ui *ui, size_t i);
/* Points the reader's marks at the current query's matches in its article. */
void results_mark_reader(struct ui *ui);
/* The matches of the current search in article (in order; finding the rest
 * when the first run stopped short of it): sets *m, returns how many. */
size_t results_in_article(struct results_view *rv, size_t article,
			  const struct search_match **m);
void results_click(struct results_view *rv, struct rect r, int y);
void results_wheel(struct results_view *rv, int delta);

/* help.c */
/* Lists the actions with the keys km binds them to. */
void help_draw(struct help_view *hv, const struct keymap *km, struct surface *s, struct rect r);
/* Scrolls or closes; while the help is open every action but the interface
 * language is its (true). */
bool help_act(struct help_view *hv, enum action a, long count);

/* status.c */
void status_draw(struct ui *ui, struct surface *s, struct rect r);

#endif

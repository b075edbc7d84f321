/* term_signal.h: the signals a terminal backend answers (term_curses.c,
 * term_tickit.c). SIGINT, SIGTERM and SIGHUP become a request to leave, which
 * the backend reports as TERM_EV_INTERRUPT so that the program leaves by its
 * normal path; a fatal signal (SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT) gives
 * the terminal back first, then takes its course through the handler that was
 * there before (a sanitizer's, or the default). A backend whose library does
 * not answer SIGTSTP itself (libtickit; ncurses does) has it caught too: a
 * SIGTSTP sent from outside (kill -TSTP) becomes a request that the backend
 * answers as it answers Ctrl-Z. One backend at a time. */
#ifndef ANNALS_TERM_SIGNAL_H
#define ANNALS_TERM_SIGNAL_H

/* Installs the handlers and forgets any earlier request to leave. Called
 * before the library opens the terminal: ncurses leaves SIGINT/SIGTERM alone
 * when they are already caught. */
void term_signal_catch(void);
/* From now on a fatal signal calls restore(arg) once, from the handler: it
 * should give the terminal back. NULL: the terminal is no longer ours. */
void term_signal_guard(void (*restore)(void *), void *arg);
/* Puts the handlers that were there before back, and drops the guard. */
void term_signal_release(void);
/* Stops the program as Ctrl-Z does in a shell (SIGTSTP with its default
 * action, whatever handler a library put there), and returns once it is
 * continued (SIGCONT). The terminal must have been given back first. */
void term_signal_stop(void);
/* From now on SIGTSTP is caught and noted instead of stopping the program
 * there and then, with the terminal still raw (see term_signal_stopped). */
void term_signal_catch_stop(void);
/* Puts the SIGTSTP handler that was there before back (term_signal_release
 * does it too): while another program has the terminal, a stop stops both. */
void term_signal_release_stop(void);
/* Whether a SIGTSTP was caught since the last call (or term_signal_catch_stop);
 * the backend should then suspend as for Ctrl-Z. */
int term_signal_stopped(void);
/* The leave signal caught since term_signal_catch, or 0. */
int term_signal_interrupted(void);

#endif

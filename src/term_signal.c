/* term_signal.c: the handlers behind term_signal.h, for every backend. */
#include <config.h>
#include "term_signal.h"

#include <signal.h>
#include <stddef.h>
#include <string.h>

/* Signal handlers can reach nothing but statics: how to give the terminal
 * back, which signal asked us to leave, and the handlers we replaced. */
static void (*volatile term_signal_restore)(void *);
static void *volatile term_signal_arg;
static volatile sig_atomic_t term_signal_leave_sig;
static volatile sig_atomic_t term_signal_stop_sig;
static struct sigaction term_signal_old_stop;
static int term_signal_stop_caught;     /* term_signal_old_stop holds something */
static const int term_signal_fatal[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT };
static const int term_signal_leave[] = { SIGINT, SIGTERM, SIGHUP };
#define TERM_SIGNAL_NFATAL (sizeof term_signal_fatal / sizeof *term_signal_fatal)
#define TERM_SIGNAL_NLEAVE (sizeof term_signal_leave / sizeof *term_signal_leave)
static struct sigaction term_signal_old_fatal[TERM_SIGNAL_NFATAL];
static struct sigaction term_signal_old_leave[TERM_SIGNAL_NLEAVE];

static void term_signal_fatal_handler(int sig)
{
	/* Giving the terminal back (endwin, a tickit teardown) is not
	 * async-signal-safe, but a crashing program that leaves the terminal raw
	 * is worse: restore it, then die of the same signal through the handler
	 * that was there before. */
	void (*restore)(void *) = term_signal_restore;
	if (restore != NULL) {
		term_signal_restore = NULL;
		restore(term_signal_arg);
	}
	for (size_t i = 0; i < TERM_SIGNAL_NFATAL; i++)
		if (term_signal_fatal[i] == sig)
			sigaction(sig, &term_signal_old_fatal[i], NULL);
	raise(sig);
}

static void term_signal_leave_handler(int sig)
{
	term_signal_leave_sig = sig;
}

/* Installs handler for each of n signals, keeping the ones it replaces in old. */
static void term_signal_install(const int *sigs, size_t n, void (*handler)(int), int flags,
				struct sigaction *old)
{
	for (size_t i = 0; i < n; i++) {
		struct sigaction sa;
		memset(&sa, 0, sizeof sa);
		sa.sa_handler = handler;
		sigemptyset(&sa.sa_mask);
		sa.sa_flags = flags;
		sigaction(sigs[i], &sa, &old[i]);
	}
}

void term_signal_catch(void)
{
	term_signal_leave_sig = 0;
	term_signal_install(term_signal_fatal, TERM_SIGNAL_NFATAL, term_signal_fatal_handler,
			    SA_RESETHAND, term_signal_old_fatal);
	/* No SA_RESTART: a backend's wait for input must wake up and report it. */
	term_signal_install(term_signal_leave, TERM_SIGNAL_NLEAVE, term_signal_leave_handler, 0,
			    term_signal_old_leave);
}

static void term_signal_stop_handler(int sig)
{
	term_signal_stop_sig = sig;
}

void term_signal_catch_stop(void)
{
	term_signal_stop_sig = 0;
	if (term_signal_stop_caught)
		return;
	/* No SA_RESTART, as for the leave signals: the wait for input wakes up. */
	static const int stop[] = { SIGTSTP };
	term_signal_install(stop, 1, term_signal_stop_handler, 0, &term_signal_old_stop);
	term_signal_stop_caught = 1;
}

void term_signal_release_stop(void)
{
	if (!term_signal_stop_caught)
		return;
	sigaction(SIGTSTP, &term_signal_old_stop, NULL);
	term_signal_stop_caught = 0;
}

int term_signal_stopped(void)
{
	int was = term_signal_stop_sig != 0;
	term_signal_stop_sig = 0;
	return was;
}

void term_signal_guard(void (*restore)(void *), void *arg)
{
	/* The handler reads restore first: arg is in place before it is set, and
	 * restore is gone before arg changes. */
	term_signal_restore = NULL;
	term_signal_arg = arg;
	term_signal_restore = restore;
}

void term_signal_release(void)
{
	term_signal_restore = NULL;
	for (size_t i = 0; i < TERM_SIGNAL_NFATAL; i++)
		sigaction(term_signal_fatal[i], &term_signal_old_fatal[i], NULL);
	for (size_t i = 0; i < TERM_SIGNAL_NLEAVE; i++)
		sigaction(term_signal_leave[i], &term_signal_old_leave[i], NULL);
	term_signal_release_stop();
}

int term_signal_interrupted(void)
{
	return term_signal_leave_sig;
}

void term_signal_stop(void)
{
	struct sigaction dfl, old;
	memset(&dfl, 0, sizeof dfl);
	dfl.sa_handler = SIG_DFL;
	sigemptyset(&dfl.sa_mask);
	sigaction(SIGTSTP, &dfl, &old);
	sigset_t set, was;
	sigemptyset(&set);
	sigaddset(&set, SIGTSTP);
	sigprocmask(SIG_UNBLOCK, &set, &was);
	raise(SIGTSTP);
	/* Here again after SIGCONT. */
	sigprocmask(SIG_SETMASK, &was, NULL);
	sigaction(SIGTSTP, &old, NULL);
}

/*
 * tap.h -- a tiny TAP producer for the unit tests: ok(), is_int(), is_str(),
 * is_dbl(), then return done_testing(). Exit status is 1 if anything failed.
 */
#ifndef ND_TAP_H
#define ND_TAP_H

#include <math.h>    /* fabs */
#include <stdarg.h>  /* va_list */
#include <stdio.h>   /* printf */
#include <string.h>  /* strcmp */

static int tap_n, tap_failed;

static __attribute__((format(printf, 2, 0))) void tap_vok(int cond, const char *fmt, va_list ap)
{
    tap_n++;
    if (!cond) tap_failed++;
    printf("%sok %d - ", cond ? "" : "not ", tap_n);
    vprintf(fmt, ap);
    printf("\n");
}

static __attribute__((format(printf, 2, 3), unused)) int ok(int cond, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    tap_vok(cond, fmt, ap);
    va_end(ap);
    return cond;
}

#define is_int(got, want, ...)                                                                      \
    do {                                                                                            \
        long long g_ = (long long)(got), w_ = (long long)(want);                                    \
        if (!ok(g_ == w_, __VA_ARGS__)) printf("#   got %lld, want %lld\n", g_, w_);              \
    } while (0)

#define is_str(got, want, ...)                                                                      \
    do {                                                                                            \
        const char *g_ = (got), *w_ = (want);                                                       \
        if (!ok(g_ && w_ && strcmp(g_, w_) == 0, __VA_ARGS__))                                      \
            printf("#   got  '%s'\n#   want '%s'\n", g_ ? g_ : "(null)", w_ ? w_ : "(null)");      \
    } while (0)

#define is_dbl(got, want, tol, ...)                                                                 \
    do {                                                                                            \
        double g_ = (got), w_ = (want);                                                             \
        if (!ok(fabs(g_ - w_) <= (tol), __VA_ARGS__)) printf("#   got %.6f, want %.6f\n", g_, w_); \
    } while (0)

static __attribute__((unused)) int done_testing(void)
{
    printf("1..%d\n", tap_n);
    if (tap_failed) printf("# %d of %d failed\n", tap_failed, tap_n);
    return tap_failed ? 1 : 0;
}

#endif

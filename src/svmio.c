/*
 * svmio.c -- read libsvm's model text format without libsvm's loader.
 *
 * svm_load_model parses every number with strtok + strtod/strtol, which made
 * loading the default bundle cost ~0.08 s, most of a short run. The format is
 * simple (a "key value..." header, then "SV" and one line per support vector:
 * nr_class-1 coefficients and index:value pairs), so it is parsed here in one
 * pass over the file's bytes into the same struct svm_model that libsvm
 * builds (free_sv = 1, every node in SV[0]'s block), which
 * svm_free_and_destroy_model frees as usual.
 *
 * Numbers take a fast path that is still correctly rounded: a mantissa below
 * 2^53 and a power of ten within 10^±22 are both exact doubles,
 * so one multiplication or division rounds once (Clinger's fast path). libsvm
 * prints support vectors with %.8g, so nearly every value takes it; anything
 * else (17-digit coefficients, long exponents) goes to strtod. The result is
 * bit for bit what svm_load_model gives.
 */
#include "text.h"

#include <libsvm/svm.h>  /* struct svm_model */
#include <errno.h>       /* errno */
#include <float.h>       /* LDBL_MANT_DIG */
#include <math.h>        /* isfinite */
#include <stdlib.h>      /* strtod, free */

static const double pow10_exact[23] = {
    1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
};

#if defined(__x86_64__) && LDBL_MANT_DIG == 64
static const long double pow10_ld[28] = {
    1e0L,  1e1L,  1e2L,  1e3L,  1e4L,  1e5L,  1e6L,  1e7L,  1e8L,  1e9L,  1e10L, 1e11L, 1e12L, 1e13L,
    1e14L, 1e15L, 1e16L, 1e17L, 1e18L, 1e19L, 1e20L, 1e21L, 1e22L, 1e23L, 1e24L, 1e25L, 1e26L, 1e27L,
};
#endif

/* Parse a decimal number at *pp; advances *pp past it. Returns 0 if there is none. */
static int parse_double(const char **pp, const char *end, double *out)
{
    const char *p = *pp, *start = p;
    int neg = 0;
    if (p < end && (*p == '-' || *p == '+')) neg = *p++ == '-';
    uint64_t mant = 0;
    int ndig = 0, scale = 0;   /* digits taken into mant (leading zeros too), power of ten */
    const char *d0 = p;
    while (p < end && (unsigned)(*p - '0') < 10) mant = mant * 10 + (unsigned)(*p++ - '0');
    ndig = (int)(p - d0);
    if (p < end && *p == '.') {
        const char *f0 = ++p;
        while (p < end && (unsigned)(*p - '0') < 10) mant = mant * 10 + (unsigned)(*p++ - '0');
        ndig += (int)(p - f0);
        scale = -(int)(p - f0);
    }
    if (ndig == 0) return 0;
    if (p < end && (*p == 'e' || *p == 'E')) {
        const char *q = p + 1;
        int eneg = 0, e = 0, edig = 0;
        if (q < end && (*q == '-' || *q == '+')) eneg = *q++ == '-';
        while (q < end && (unsigned)(*q - '0') < 10) {
            if (e < 10000) e = e * 10 + (*q - '0');
            q++, edig = 1;
        }
        if (edig) {
            scale += eneg ? -e : e;
            p = q;
        }
    }
    *pp = p;
    /* at most 19 digits cannot overflow; below 2^53 the mantissa is an exact double */
    if (ndig <= 19 && mant < (1ULL << 53) && scale >= -22 && scale <= 22) {
        double v = (double)mant;
        v = scale >= 0 ? v * pow10_exact[scale] : v / pow10_exact[-scale];
        *out = neg ? -v : v;
        return 1;
    }
#if defined(__x86_64__) && LDBL_MANT_DIG == 64
    /*
     * libsvm writes coefficients with 17 digits, past the exact path above.
     * In x87's 64-bit mantissa the digits and 10^27 are exact, so one
     * multiplication or division rounds once; rounding that to a double is
     * the correctly rounded double unless it lies exactly halfway between
     * two doubles (its 11 extra bits 10000000000), which strtod settles.
     * (valgrind computes long double at double precision: under it, this
     * path can be off by an ulp.)
     */
    if (ndig <= 19 && scale >= -27 && scale <= 27) {
        long double v = (long double)mant;
        v = scale >= 0 ? v * pow10_ld[scale] : v / pow10_ld[-scale];
        uint64_t bits;
        memcpy(&bits, &v, sizeof(bits));   /* the significand comes first */
        if ((bits & 0x7FF) != 0x400) {
            *out = neg ? -(double)v : (double)v;
            return 1;
        }
    }
#endif
    char tmp[64];   /* the slow, exact way; numbers here are short */
    size_t n = (size_t)(p - start);
    if (n >= sizeof(tmp)) return 0;
    memcpy(tmp, start, n);
    tmp[n] = '\0';
    *out = strtod(tmp, NULL);
    return isfinite(*out);   /* 1e999: no weight of a model */
}

static int parse_int(const char **pp, const char *end, long *out)
{
    const char *p = *pp;
    int neg = 0;
    if (p < end && (*p == '-' || *p == '+')) neg = *p++ == '-';
    if (p >= end || *p < '0' || *p > '9') return 0;
    long v = 0;
    while (p < end && *p >= '0' && *p <= '9') {
        if (v > 100000000000L) return 0;
        v = v * 10 + (*p++ - '0');
    }
    *out = neg ? -v : v;
    *pp = p;
    return 1;
}

static void skip_blanks(const char **pp, const char *end)
{
    while (*pp < end && (**pp == ' ' || **pp == '\t' || **pp == '\r')) (*pp)++;
}

static const char *const svm_types[] = { "c_svc", "nu_svc", "one_class", "epsilon_svr", "nu_svr", NULL };
static const char *const kernel_types[] = { "linear", "polynomial", "rbf", "sigmoid", "precomputed", NULL };

static int word_index(const char *w, size_t n, const char *const *table)
{
    for (int i = 0; table[i]; i++)
        if (strlen(table[i]) == n && memcmp(table[i], w, n) == 0) return i;
    return -1;
}

/* Read n numbers of the rest of the line into a new array. */
static int read_doubles(const char **pp, const char *end, int n, double **out)
{
    if (n <= 0) return 0;
    *out = nd_xmalloc((size_t)n * sizeof(double));
    for (int i = 0; i < n; i++) {
        skip_blanks(pp, end);
        if (!parse_double(pp, end, &(*out)[i])) return 0;
    }
    return 1;
}

static int read_ints(const char **pp, const char *end, int n, int **out)
{
    if (n <= 0) return 0;
    *out = nd_xmalloc((size_t)n * sizeof(int));
    for (int i = 0; i < n; i++) {
        long v;
        skip_blanks(pp, end);
        if (!parse_int(pp, end, &v) || v < -2147483647L || v > 2147483647L) return 0;
        (*out)[i] = (int)v;
    }
    return 1;
}

struct svm_model *nd_svm_parse(const char *text, size_t len, const char *name, nd_err *err)
{
    struct svm_model *m = nd_xcalloc(1, sizeof(*m));
    m->free_sv = 1;
    const char *p = text, *end = text + len;
    long line = 0;
    int npairs = 0, ok = 1;
    const char *what = "unexpected text";
    /* header: "key values", until "SV" */
    for (;;) {
        line++;
        if (p >= end) {
            what = "no 'SV' line";
            goto bad;
        }
        const char *k = p;
        while (p < end && *p != ' ' && *p != '\n' && *p != '\r') p++;
        size_t kl = (size_t)(p - k);
        skip_blanks(&p, end);
        const char *v = p;
        while (p < end && *p != ' ' && *p != '\n' && *p != '\r') p++;
        size_t vl = (size_t)(p - v);
        long n;
        const char *q = v;
        if (kl == 2 && memcmp(k, "SV", 2) == 0) {
            break;
        } else if (kl == 8 && memcmp(k, "svm_type", 8) == 0) {
            ok = (m->param.svm_type = word_index(v, vl, svm_types)) >= 0;
        } else if (kl == 11 && memcmp(k, "kernel_type", 11) == 0) {
            ok = (m->param.kernel_type = word_index(v, vl, kernel_types)) >= 0;
        } else if (kl == 6 && memcmp(k, "degree", 6) == 0) {
            if ((ok = parse_int(&q, end, &n) && n >= 0 && n < 1000)) m->param.degree = (int)n;
        } else if (kl == 5 && memcmp(k, "gamma", 5) == 0) {
            ok = parse_double(&q, end, &m->param.gamma);
        } else if (kl == 5 && memcmp(k, "coef0", 5) == 0) {
            ok = parse_double(&q, end, &m->param.coef0);
        } else if (kl == 8 && memcmp(k, "nr_class", 8) == 0 && !m->nr_class) {
            if ((ok = parse_int(&q, end, &n) && n >= 2 && n <= 1000)) {
                m->nr_class = (int)n;
                npairs = m->nr_class * (m->nr_class - 1) / 2;
            }
        } else if (kl == 8 && memcmp(k, "total_sv", 8) == 0) {
            if ((ok = parse_int(&q, end, &n) && n >= 0 && n < 100000000L)) m->l = (int)n;
        } else if (kl == 3 && memcmp(k, "rho", 3) == 0 && npairs && !m->rho) {
            p = v;
            ok = read_doubles(&p, end, npairs, &m->rho);
        } else if (kl == 5 && memcmp(k, "label", 5) == 0 && npairs && !m->label) {
            p = v;
            ok = read_ints(&p, end, m->nr_class, &m->label);
        } else if (kl == 5 && memcmp(k, "probA", 5) == 0 && npairs && !m->probA) {
            p = v;
            ok = read_doubles(&p, end, npairs, &m->probA);
        } else if (kl == 5 && memcmp(k, "probB", 5) == 0 && npairs && !m->probB) {
            p = v;
            ok = read_doubles(&p, end, npairs, &m->probB);
        } else if (kl == 5 && memcmp(k, "nr_sv", 5) == 0 && npairs && !m->nSV) {
            p = v;
            ok = read_ints(&p, end, m->nr_class, &m->nSV);
        } else {
            what = "unknown header line";
            goto bad;
        }
        if (!ok) {
            what = "bad value in header line";
            goto bad;
        }
        skip_blanks(&p, end);
        if (p < end && *p != '\n') goto bad;
        p += p < end;
    }
    while (p < end && *p != '\n') p++;
    p += p < end;
    if (!m->nr_class || !m->rho || !m->label || !m->nSV) {
        what = "the header lacks nr_class, rho, label or nr_sv";
        goto bad;
    }
    long sum = 0;
    for (int i = 0; i < m->nr_class; i++) sum += m->nSV[i] < 0 ? 1L << 40 : m->nSV[i];
    if (sum != m->l) {
        what = "nr_sv does not add up to total_sv";
        goto bad;
    }

    /* support vectors: count the nodes first (one ':' each), then fill one block */
    size_t nnodes = 0;
    for (const char *c = p; c < end && (c = memchr(c, ':', (size_t)(end - c))); c++) nnodes++;
    int ncoef = m->nr_class - 1;
    m->sv_coef = nd_xcalloc((size_t)ncoef, sizeof(double *));
    for (int i = 0; i < ncoef; i++) m->sv_coef[i] = nd_xmalloc(((size_t)m->l + 1) * sizeof(double));
    m->SV = nd_xmalloc(((size_t)m->l + 1) * sizeof(struct svm_node *));
    struct svm_node *x = nd_xcalloc_huge(nnodes + (size_t)m->l + 1, sizeof(struct svm_node));   /* megabytes */
    size_t at = 0;
    for (int i = 0; i < m->l; i++) {
        line++;
        for (int c = 0; c < ncoef; c++) {
            skip_blanks(&p, end);
            if (!parse_double(&p, end, &m->sv_coef[c][i])) {
                what = p >= end ? "fewer support vectors than total_sv" : "bad coefficient";
                free(x);
                goto bad;
            }
        }
        m->SV[i] = x + at;
        for (;;) {
            skip_blanks(&p, end);
            if (p >= end || *p == '\n') break;
            long idx;
            double val;
            if (!parse_int(&p, end, &idx) || idx > 2147483647L || p >= end || *p++ != ':' ||
                !parse_double(&p, end, &val) || at >= nnodes + (size_t)i) {
                what = "bad index:value pair";
                free(x);
                goto bad;
            }
            x[at].index = (int)idx;
            x[at].value = val;
            at++;
        }
        x[at].index = -1;
        x[at].value = 0;
        at++;
        p += p < end;
    }
    if (m->l == 0) free(x);
    return m;
bad:
    nd_fail(err, ND_ERR_MODEL, "%s:%ld: %s", name, line, what);
    m->free_sv = 0;   /* the node block, if any, is already freed */
    svm_free_and_destroy_model(&m);
    return NULL;
}

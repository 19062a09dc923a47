/* emit.c -- result lines as JSON Lines, TSV or CSV. */
#include "nd_internal.h"
#include <math.h>  /* floor, fabs */

void nd_json_string(nd_buf *b, const char *s)
{
    static const char hex[] = "0123456789abcdef";
    nd_buf_addc(b, '"');
    const char *run = s;
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        nd_buf_add(b, run, (size_t)(s - run));
        run = s + 1;
        switch (c) {
        case '"': nd_buf_add(b, "\\\"", 2); break;
        case '\\': nd_buf_add(b, "\\\\", 2); break;
        case '\n': nd_buf_add(b, "\\n", 2); break;
        case '\t': nd_buf_add(b, "\\t", 2); break;
        case '\r': nd_buf_add(b, "\\r", 2); break;
        default: {
            char u[6] = { '\\', 'u', '0', '0', hex[c >> 4], hex[c & 15] };
            nd_buf_add(b, u, 6);
        }
        }
    }
    nd_buf_add(b, run, (size_t)(s - run));
    nd_buf_addc(b, '"');
}

static void tsv_field(nd_buf *b, const char *s)
{
    for (; s && *s; s++) {
        switch (*s) {
        case '\t': nd_buf_add(b, "\\t", 2); break;
        case '\n': nd_buf_add(b, "\\n", 2); break;
        case '\r': nd_buf_add(b, "\\r", 2); break;
        case '\\': nd_buf_add(b, "\\\\", 2); break;
        default: nd_buf_addc(b, *s);
        }
    }
}

/* s inside a quoted CSV field: its quotes doubled. */
static void csv_quoted(nd_buf *b, const char *s)
{
    for (const char *q; (q = strchr(s, '"')); s = q + 1) {
        nd_buf_add(b, s, (size_t)(q - s) + 1);
        nd_buf_addc(b, '"');
    }
    nd_buf_adds(b, s);
}

/* RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
static void csv_field(nd_buf *b, const char *s)
{
    if (!s) return;
    if (!s[strcspn(s, ",\"\r\n")]) {
        nd_buf_adds(b, s);
        return;
    }
    nd_buf_addc(b, '"');
    csv_quoted(b, s);
    nd_buf_addc(b, '"');
}

static const char *const task_keys[2] = { "topic", "region" };

/* Is 'name' a key this output writes itself? Then a kept input field of that name is written as "input_NAME". */
static int own_key(const nd_analyze_opts *o, const char *name)
{
    static const char *const always[] = { "id", "error", NULL };
    static const char *const story[] = { "title", "text", NULL };
    static const char *const classes[] = { "topic", "topic_confidence", "topic_probabilities", "region",
                                           "region_confidence", "region_probabilities", NULL };
    static const char *const summary[] = { "summary", "summary_index", NULL };
    const char *const *groups[] = { always, o->story ? story : NULL, o->classify ? classes : NULL,
                                    o->summarize ? summary : NULL };
    for (size_t g = 0; g < sizeof(groups) / sizeof(*groups); g++)
        for (const char *const *k = groups[g]; k && *k; k++)
            if (!strcmp(*k, name)) return 1;
    return 0;
}

static void add_keep_name(nd_buf *b, const nd_analyze_opts *o, const char *name, int json)
{
    nd_buf tmp;
    nd_buf_init(&tmp);
    if (own_key(o, name)) nd_buf_adds(&tmp, "input_");
    nd_buf_adds(&tmp, name);
    if (json) nd_json_string(b, tmp.data);
    else nd_buf_adds(b, tmp.data);
    nd_buf_release(&tmp);
}

/* The record's id: a JSON number as it was, else a string. */
static void add_json_id(nd_buf *b, const nd_record *rec)
{
    if (rec->id_number) nd_buf_adds(b, rec->id);
    else nd_json_string(b, rec->id);
}

void nd_emit_header(nd_buf *b, nd_out_format fmt, const nd_analyze_opts *o)
{
    static const char *const story[] = { "title", "text", NULL };
    static const char *const classes[] = { "topic", "topic_confidence", "region", "region_confidence", NULL };
    static const char *const probs[] = { "topic_probabilities", "region_probabilities", NULL };
    static const char *const summary[] = { "summary_index", "summary", NULL };
    const char *const *groups[] = { o->story ? story : NULL, o->classify ? classes : NULL,
                                    o->classify && o->probabilities ? probs : NULL, o->summarize ? summary : NULL };
    char sep = fmt == ND_OUT_CSV ? ',' : '\t';
    if (fmt == ND_OUT_JSONL) return;
    nd_buf_adds(b, "id");
    for (size_t i = 0; i < o->nkeep; i++) {
        nd_buf_addc(b, sep);
        add_keep_name(b, o, o->keep[i], 0);
    }
    for (size_t g = 0; g < sizeof(groups) / sizeof(*groups); g++)
        for (const char *const *c = groups[g]; c && *c; c++) {
            nd_buf_addc(b, sep);
            nd_buf_adds(b, *c);
        }
    nd_buf_addc(b, sep);
    nd_buf_adds(b, fmt == ND_OUT_CSV ? "error\r\n" : "error\n");
}

void nd_emit_tsv_header(nd_buf *b, const nd_analyze_opts *o)
{
    nd_emit_header(b, ND_OUT_TSV, o);
}

/*
 * v with four decimals exactly as printf's "%.4f" writes it, without printf:
 * confidences lie in [0, 1]; away from a rounding tie the nearest
 * ten-thousandth is unambiguous, at a tie printf decides.
 */
static void add_fixed4(nd_buf *b, double v)
{
    if (v >= 0 && v <= 1) {
        double x = v * 10000.0, r = floor(x + 0.5);
        if (fabs(x - (r - 0.5)) > 1e-6 && fabs(x - (r + 0.5)) > 1e-6) {
            unsigned u = (unsigned)r;
            char t[6] = { (char)('0' + u / 10000), '.', (char)('0' + u / 1000 % 10), (char)('0' + u / 100 % 10),
                          (char)('0' + u / 10 % 10), (char)('0' + u % 10) };
            nd_buf_add(b, t, sizeof(t));
            return;
        }
    }
    nd_buf_addf(b, "%.4f", v);
}

/* The summary's sentence indices, comma-separated. */
static void add_indices(nd_buf *b, const nd_result *res)
{
    for (size_t i = 0; i < res->nsummary; i++) {
        char t[12];
        size_t n = sizeof(t);
        uint32_t u = res->summary_index[i];
        do t[--n] = (char)('0' + u % 10); while ((u /= 10) && n > 1);
        if (i) nd_buf_addc(b, ',');
        nd_buf_add(b, t + n, sizeof(t) - n);
    }
}

/* Task t's probabilities as a JSON object, {"label":p,...} (six decimals). */
static void add_probabilities(nd_buf *b, const nd_result *res, int t)
{
    nd_buf_addc(b, '{');
    for (size_t i = 0; i < res->nlabels[t]; i++) {
        if (i) nd_buf_addc(b, ',');
        nd_json_string(b, res->labels[t][i]);
        nd_buf_addf(b, ":%.6f", res->prob[t][i]);
    }
    nd_buf_addc(b, '}');
}

/* The summary as one field: TSV's sentences joined by "\n", CSV's by a line break inside the quotes. */
static void summary_field(nd_buf *b, int csv, const nd_result *res)
{
    if (!csv || res->nsummary < 2) {
        for (size_t i = 0; i < res->nsummary; i++) {
            if (i) nd_buf_add(b, "\\n", 2);
            (csv ? csv_field : tsv_field)(b, res->summary[i].data);
        }
        return;
    }
    nd_buf_addc(b, '"');
    for (size_t i = 0; i < res->nsummary; i++) {
        if (i) nd_buf_addc(b, '\n');
        csv_quoted(b, res->summary[i].data);
    }
    nd_buf_addc(b, '"');
}

/*
 * A TSV or CSV line: the columns of nd_emit_header. TSV escapes tabs and
 * line breaks; CSV quotes the fields that need it. Fields built of parts
 * (the summary, its indices) are written as they are built, with no copy.
 */
static void emit_delimited(nd_buf *b, nd_out_format fmt, const nd_analyze_opts *o, const nd_record *rec,
                           const nd_result *res, const char *error)
{
    const int csv = fmt == ND_OUT_CSV;
    const char sep = csv ? ',' : '\t';
    void (*field)(nd_buf *, const char *) = csv ? csv_field : tsv_field;
    field(b, rec->id);
    for (size_t i = 0; i < o->nkeep; i++) {   /* a string as itself, other values as JSON, null as nothing */
        nd_buf_addc(b, sep);
        if (i >= rec->nkeep) continue;
        if (rec->keep_text[i]) field(b, rec->keep_text[i]);
        else if (strcmp(rec->keep_json[i], "null")) field(b, rec->keep_json[i]);
    }
    if (o->story) {
        nd_buf_addc(b, sep);
        if (res) field(b, res->title.data);
        nd_buf_addc(b, sep);
        if (res) field(b, res->story.data);
    }
    if (o->classify)
        for (int t = 0; t < 2; t++) {
            nd_buf_addc(b, sep);
            if (res && res->label[t]) field(b, res->label[t]);
            nd_buf_addc(b, sep);
            if (res && res->label[t]) add_fixed4(b, res->confidence[t]);
        }
    if (o->classify && o->probabilities) {
        nd_buf tmp;   /* asked for: a JSON object, quoted as a whole in CSV */
        nd_buf_init(&tmp);
        for (int t = 0; t < 2; t++) {
            nd_buf_addc(b, sep);
            if (!res || !res->nlabels[t]) continue;
            nd_buf_reset(&tmp);
            add_probabilities(&tmp, res, t);
            field(b, tmp.data);
        }
        nd_buf_release(&tmp);
    }
    if (o->summarize) {
        int quote = csv && res && res->nsummary > 1;   /* "1,4,7" */
        nd_buf_addc(b, sep);
        if (quote) nd_buf_addc(b, '"');
        if (res) add_indices(b, res);
        if (quote) nd_buf_addc(b, '"');
        nd_buf_addc(b, sep);
        if (res) summary_field(b, csv, res);
    }
    nd_buf_addc(b, sep);
    if (!res) field(b, error ? error : "failed");
    nd_buf_adds(b, csv ? "\r\n" : "\n");
}

void nd_emit(nd_buf *b, nd_out_format fmt, const nd_analyze_opts *o, const nd_record *rec, const nd_result *res,
             const char *error)
{
    if (fmt != ND_OUT_JSONL) {
        emit_delimited(b, fmt, o, rec, res, error);
        return;
    }
    nd_buf_adds(b, "{\"id\":");
    add_json_id(b, rec);
    for (size_t i = 0; i < o->nkeep; i++) {
        nd_buf_addc(b, ',');
        add_keep_name(b, o, o->keep[i], 1);
        nd_buf_addc(b, ':');
        nd_buf_adds(b, i < rec->nkeep ? rec->keep_json[i] : "null");
    }
    if (!res) {
        nd_buf_adds(b, ",\"error\":");
        nd_json_string(b, error ? error : "failed");
        nd_buf_add(b, "}\n", 2);
        return;
    }
    if (o->story) {
        nd_buf_adds(b, ",\"title\":");
        if (res->title.len) nd_json_string(b, res->title.data);
        else nd_buf_adds(b, "null");
        nd_buf_adds(b, ",\"text\":");
        nd_json_string(b, res->story.data);
    }
    for (int t = 0; t < 2; t++) {
        if (!res->label[t]) continue;
        nd_buf_add(b, ",\"", 2);
        nd_buf_adds(b, task_keys[t]);
        nd_buf_add(b, "\":", 2);
        nd_json_string(b, res->label[t]);
        nd_buf_add(b, ",\"", 2);
        nd_buf_adds(b, task_keys[t]);
        nd_buf_add(b, "_confidence\":", 13);
        add_fixed4(b, res->confidence[t]);
        if (res->nlabels[t]) {
            nd_buf_add(b, ",\"", 2);
            nd_buf_adds(b, task_keys[t]);
            nd_buf_adds(b, "_probabilities\":");
            add_probabilities(b, res, t);
        }
    }
    if (res->summarized) {
        nd_buf_adds(b, ",\"summary\":[");
        for (size_t i = 0; i < res->nsummary; i++) {
            if (i) nd_buf_addc(b, ',');
            nd_json_string(b, res->summary[i].data);
        }
        nd_buf_adds(b, "],\"summary_index\":[");
        add_indices(b, res);
        nd_buf_addc(b, ']');
    }
    nd_buf_add(b, "}\n", 2);
}

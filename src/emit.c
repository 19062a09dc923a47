/* emit.c -- result lines as JSON Lines or TSV. */
#include "nd_internal.h"

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

static const char *const task_keys[2] = { "topic", "region" };

void nd_emit_tsv_header(nd_buf *b, const nd_analyze_opts *o)
{
    nd_buf_adds(b, "id");
    if (o->classify) nd_buf_adds(b, "\ttopic\ttopic_confidence\tregion\tregion_confidence");
    if (o->summarize) nd_buf_adds(b, "\tsummary_index\tsummary");
    nd_buf_adds(b, "\terror\n");
}

void nd_emit(nd_buf *b, nd_out_format fmt, const nd_analyze_opts *o, const nd_record *rec, const nd_result *res,
             const char *error)
{
    if (fmt == ND_OUT_TSV) {
        tsv_field(b, rec->id);
        if (o->classify)
            for (int t = 0; t < 2; t++) {
                nd_buf_addc(b, '\t');
                if (res && res->label[t]) {
                    tsv_field(b, res->label[t]);
                    nd_buf_addf(b, "\t%.4f", res->confidence[t]);
                } else {
                    nd_buf_addc(b, '\t');
                }
            }
        if (o->summarize) {
            nd_buf_addc(b, '\t');
            for (size_t i = 0; res && i < res->nsummary; i++) nd_buf_addf(b, "%s%u", i ? "," : "", res->summary_index[i]);
            nd_buf_addc(b, '\t');
            for (size_t i = 0; res && i < res->nsummary; i++) {
                if (i) nd_buf_add(b, "\\n", 2);
                tsv_field(b, res->summary[i].data);
            }
        }
        nd_buf_addc(b, '\t');
        if (!res) tsv_field(b, error ? error : "failed");
        nd_buf_addc(b, '\n');
        return;
    }
    nd_buf_adds(b, "{\"id\":");
    nd_json_string(b, rec->id);
    if (!res) {
        nd_buf_adds(b, ",\"error\":");
        nd_json_string(b, error ? error : "failed");
        nd_buf_add(b, "}\n", 2);
        return;
    }
    for (int t = 0; t < 2; t++) {
        if (!res->label[t]) continue;
        nd_buf_addf(b, ",\"%s\":", task_keys[t]);
        nd_json_string(b, res->label[t]);
        nd_buf_addf(b, ",\"%s_confidence\":%.4f", task_keys[t], res->confidence[t]);
    }
    if (res->summarized) {
        nd_buf_adds(b, ",\"summary\":[");
        for (size_t i = 0; i < res->nsummary; i++) {
            if (i) nd_buf_addc(b, ',');
            nd_json_string(b, res->summary[i].data);
        }
        nd_buf_adds(b, "],\"summary_index\":[");
        for (size_t i = 0; i < res->nsummary; i++) nd_buf_addf(b, "%s%u", i ? "," : "", res->summary_index[i]);
        nd_buf_addc(b, ']');
    }
    nd_buf_add(b, "}\n", 2);
}

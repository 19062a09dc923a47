/*
 * use-library.c -- a program of a user's own, built against an installed
 * newsdesk with `pkg-config --cflags --libs newsdesk`: loads a model bundle
 * (argv[1]) and prints the topic of one article.
 */
#include <newsdesk.h>

#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: use-library MODEL_DIR\n");
        return 2;
    }
    nd_err err;
    nd_model *m = nd_model_load(argv[1], &err);
    if (!m) {
        fprintf(stderr, "use-library: %s\n", err.msg);
        return 1;
    }
    nd_analyzer *a = nd_analyzer_new(m);
    nd_analyze_opts o;
    nd_analyze_opts_init(&o);
    o.summarize = 0;
    nd_record rec;
    nd_record_init(&rec);
    char id[] = "one", text[] = "The striker scored twice as the home side won the cup final in front of a full stadium.";
    rec.id = id;
    rec.text = text;
    nd_result res;
    nd_result_init(&res);
    int rc = 1;
    if (a && nd_analyze(a, &rec, &o, &res, &err) == ND_OK && res.label[ND_TASK_TOPIC]) {
        printf("%s %s\n", rec.id, res.label[ND_TASK_TOPIC]);
        rc = 0;
    }
    rec.id = rec.text = NULL;
    nd_result_release(&res);
    nd_analyzer_free(a);
    nd_model_free(m);
    return rc;
}

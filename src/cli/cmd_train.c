/* cmd_train.c -- newsdesk train: labelled corpora -> model bundle. */
#include "cli.h"

#include <limits.h>    /* PATH_MAX */
#include <stdio.h>     /* printf */
#include <stdlib.h>    /* free */
#include <string.h>    /* strcmp */
#include <sys/stat.h>  /* stat */
#include <unistd.h>    /* readlink */

static void help(void)
{
    printf("usage: newsdesk train -o DIR [options] [FILE...] [--topic-data FILE] [--region-data FILE]\n\n"
           "Trains a model bundle: vocabulary and IDF over all the given records, one linear\n"
           "SVM (libsvm C-SVC) per task with at least two labels, and a sentence model for\n"
           "summaries when records carry reference summaries. C is chosen by stratified\n"
           "cross-validation over a grid (the sentence model's over articles, from 0.1, 1\n"
           "and 10); confidences are Platt-calibrated on the out-of-fold decision values.\n"
           "The report goes to stdout; bad records are reported on stderr and skipped\n"
           "(exit status 1).\n\n"
           "Data:\n"
           "  FILE                    records whose topic and region labels are both used\n"
           "  --topic-data FILE       records used for the topic classifier only\n"
           "  --region-data FILE      records used for the region classifier only\n"
           "  -o, --output DIR        the bundle to write (replaced atomically)\n\n"
           "Settings (defaults are the shipped ones):\n"
           "  --min-df N              drop terms in fewer documents (3)\n"
           "  --max-df X              drop terms in more than this fraction of documents (0.5)\n"
           "  --max-features N        keep the N most frequent terms (300000)\n"
           "  --no-bigrams            unigrams only\n"
           "  --title-weight X        title words count X times (2)\n"
           "  --lead-weight X         words of the first sentence count X times (2)\n"
           "  --no-numbers            keep numbers as words instead of shape terms (#n3, #dec)\n"
           "  --no-title-terms        no title words as terms of their own (^word) for topics\n"
           "  --geo-weight X          weight of the gazetteer features for regions (4)\n"
           "  --gazetteer FILE        place -> region table for region features (default: the\n"
           "                          project's models/gazetteer.tsv when found)\n"
           "  --no-gazetteer          no gazetteer features\n"
           "  --no-summarizer         no sentence model, even when records carry summaries\n"
           "  --folds N               cross-validation folds (3)\n"
           "  --c LIST                C values to try, comma-separated (0.5,1,2,4,8)\n"
           "  --balanced              weight classes by inverse frequency\n"
           "  --uniform-prior TASK    TASK's (topic or region) probabilities take every label\n"
           "                          as equally likely, not as common as in the training data\n"
           "  --seed N                fold shuffle and libsvm seed (1)\n"
           "  --threads N             parallel trainings (default: online CPUs)\n\n");
    printf("%s", CLI_INPUT_HELP);
    printf("\nExample:\n  newsdesk train -o mymodel --topic-data bbc/train.jsonl.gz "
           "--region-data reuters21578/train.jsonl.gz\n");
}

struct input {
    const char *path;
    unsigned tasks;
};

/* models/gazetteer.tsv of the build tree, or the installed copy. */
static const char *default_gazetteer(char *buf, size_t size)
{
    char exe[PATH_MAX];
    struct stat st;
    ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) *slash = '\0';
        const char *rel[] = { "/models/gazetteer.tsv", "/../models/gazetteer.tsv", "/../share/newsdesk/gazetteer.tsv" };
        for (size_t i = 0; i < sizeof(rel) / sizeof(rel[0]); i++) {
            snprintf(buf, size, "%s%s", exe, rel[i]);
            if (stat(buf, &st) == 0) return buf;
        }
    }
    snprintf(buf, size, "%s/gazetteer.tsv", ND_DATADIR);
    return stat(buf, &st) == 0 ? buf : NULL;
}

int cmd_train(int argc, char **argv)
{
    static const struct option longopts[] = {
        CLI_INPUT_OPTIONS,
        { "output", required_argument, NULL, 'o' },
        { "topic-data", required_argument, NULL, 'T' },
        { "region-data", required_argument, NULL, 'R' },
        { "min-df", required_argument, NULL, 'm' },
        { "max-df", required_argument, NULL, 'x' },
        { "max-features", required_argument, NULL, 'F' },
        { "no-bigrams", no_argument, NULL, 'U' },
        { "title-weight", required_argument, NULL, 'w' },
        { "lead-weight", required_argument, NULL, 'l' },
        { "no-numbers", no_argument, NULL, 'N' },
        { "no-title-terms", no_argument, NULL, 'H' },
        { "geo-weight", required_argument, NULL, 'e' },
        { "gazetteer", required_argument, NULL, 'g' },
        { "no-gazetteer", no_argument, NULL, 'G' },
        { "no-summarizer", no_argument, NULL, 'S' },
        { "folds", required_argument, NULL, 'k' },
        { "c", required_argument, NULL, 'C' },
        { "balanced", no_argument, NULL, 'B' },
        { "uniform-prior", required_argument, NULL, 'P' },
        { "seed", required_argument, NULL, 's' },
        { "threads", required_argument, NULL, 'j' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    const char *cmd = "train";
    struct cli_input in;
    cli_input_init(&in);
    nd_train_opts opts;
    nd_train_opts_init(&opts);
    const char *outdir = NULL;
    int no_gaz = 0;
    struct input *inputs = calloc((size_t)argc + 1, sizeof(*inputs));
    size_t ninputs = 0;
    optind = 0;
    opterr = 0;
    int c, rc = EXIT_OK;
    long v;
    double d;
    while ((c = getopt_long(argc, argv, "qho:j:", longopts, NULL)) != -1) {
        int h = cli_input_option(&in, cmd, c, optarg);
        if (h < 0) { free(inputs); return EXIT_USAGE; }
        if (h) continue;
        switch (c) {
        case 'h': free(inputs); help(); return cli_close_stdout();
        case 'o': outdir = optarg; break;
        case 'T': inputs[ninputs++] = (struct input){ optarg, 1u << ND_TASK_TOPIC }; break;
        case 'R': inputs[ninputs++] = (struct input){ optarg, 1u << ND_TASK_REGION }; break;
        case 'm':
            if (cli_parse_int(optarg, 1, 1000000, &v)) goto bad;
            opts.min_df = (int)v;
            break;
        case 'x':
            if (cli_parse_double(optarg, 1e-6, 1, &opts.max_df)) goto bad;
            break;
        case 'F':
            if (cli_parse_int(optarg, 1, 100000000, &v)) goto bad;
            opts.max_features = (int)v;
            break;
        case 'U': opts.bigrams = 0; break;
        case 'w':
            if (cli_parse_double(optarg, 0, 100, &opts.title_weight)) goto bad;
            break;
        case 'l':
            if (cli_parse_double(optarg, 0, 100, &opts.lead_weight)) goto bad;
            break;
        case 'N': opts.numbers = 0; break;
        case 'H': opts.title_terms = 0; break;
        case 'e':
            if (cli_parse_double(optarg, 0, 100, &opts.geo_weight)) goto bad;
            break;
        case 'g': opts.gazetteer = optarg; break;
        case 'G': no_gaz = 1; break;
        case 'S': opts.summarizer = 0; break;
        case 'k':
            if (cli_parse_int(optarg, 2, 20, &v)) goto bad;
            opts.folds = (int)v;
            break;
        case 'C': {
            memset(opts.c_grid, 0, sizeof(opts.c_grid));
            char *copy = strdup(optarg), *save = NULL;
            int n = 0;
            for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
                if (n >= 8 || cli_parse_double(tok, 1e-6, 1e6, &d)) {
                    free(copy);
                    free(inputs);
                    return cli_usage_error(cmd, "--c wants up to 8 positive numbers separated by commas, not '%s'", optarg);
                }
                opts.c_grid[n++] = d;
            }
            free(copy);
            if (!n) goto bad;
            break;
        }
        case 'B': opts.balanced = 1; break;
        case 'P':
            if (!strcmp(optarg, "topic")) opts.uniform_prior |= 1u << ND_TASK_TOPIC;
            else if (!strcmp(optarg, "region")) opts.uniform_prior |= 1u << ND_TASK_REGION;
            else return cli_usage_error(cmd, "--uniform-prior wants topic or region, not '%s'", optarg);
            break;
        case 's':
            if (cli_parse_int(optarg, 0, 2147483647L, &v)) goto bad;
            opts.seed = (unsigned)v;
            break;
        case 'j':
            if (cli_parse_int(optarg, 1, 256, &v)) goto bad;
            opts.threads = (int)v;
            break;
        default:
            free(inputs);
            return cli_usage_error(cmd, "unknown or incomplete option '%s'", argv[optind - 1]);
        }
        continue;
    bad:
        free(inputs);
        return cli_usage_error(cmd, "bad value '%s' for %s", optarg, argv[optind - 1]);
    }
    for (int i = optind; i < argc; i++)
        inputs[ninputs++] = (struct input){ argv[i], (1u << ND_TASK_TOPIC) | (1u << ND_TASK_REGION) };
    if (!outdir) { free(inputs); return cli_usage_error(cmd, "missing -o DIR"); }
    if (!ninputs) { free(inputs); return cli_usage_error(cmd, "no training data given"); }
    char gazbuf[PATH_MAX];
    if (no_gaz) opts.gazetteer = NULL;
    else if (!opts.gazetteer) opts.gazetteer = default_gazetteer(gazbuf, sizeof(gazbuf));

    nd_err err = { 0 };
    nd_trainer *t = nd_trainer_new(&opts, &err);
    if (!t) {
        free(inputs);
        cli_error("%s", err.msg);
        return EXIT_FAIL;
    }
    size_t records = 0, failed = 0, used = 0;
    struct cli_progress prog;
    cli_progress_init(&prog, in.progress);
    nd_record rec;
    nd_record_init(&rec);
    for (size_t i = 0; i < ninputs; i++) {
        nd_reader *rd = nd_reader_new(&inputs[i].path, 1, &in.reader);
        while (nd_reader_next(rd, &rec)) {
            records++;
            if (rec.error) {
                failed++;
                if (!in.quiet) cli_record_error(&rec, rec.error);
                continue;
            }
            if (nd_trainer_add(t, &rec, inputs[i].tasks, &err) != ND_OK) {
                failed++;
                if (!in.quiet) cli_record_error(&rec, err.msg);
                continue;
            }
            used++;
            if (!in.quiet) cli_record_repairs(&rec);
            cli_progress_tick(&prog, records);
        }
        nd_reader_free(rd);
    }
    nd_record_release(&rec);
    cli_progress_done(&prog);
    nd_model *m = NULL;
    nd_train_report rep;
    if (nd_trainer_finish(t, NULL, &m, &rep, &err) != ND_OK) {
        cli_error("training failed: %s", err.msg);
        rc = EXIT_FAIL;
    } else if (!rep.trained[0] && !rep.trained[1]) {
        cli_error("no task has two or more labels: nothing to train");
        rc = EXIT_FAIL;
    } else if (nd_model_save(m, outdir, &err) != ND_OK) {
        cli_error("%s", err.msg);
        rc = EXIT_FAIL;
    } else {
        printf("trained %s from %zu records (%zu failed): %d features, %.1f s\n", outdir, used, failed,
               rep.nfeatures, rep.seconds);
        for (int k = 0; k < ND_NTASKS; k++) {
            if (!rep.trained[k]) continue;
            printf("%s: %d documents, %d labels, C=%g (cross-validated accuracy %.2f%%; grid", nd_task_name((nd_task)k),
                   rep.ndocs[k], rep.nlabels[k], rep.best_c[k], 100 * rep.cv_accuracy[k]);
            for (int g = 0; g < 8 && opts.c_grid[g] > 0; g++) printf(" %g:%.2f", opts.c_grid[g], 100 * rep.cv_grid[k][g]);
            printf(")\n");
        }
        if (rep.sum_docs) {
            printf("summaries: sentence model from %d articles with references (%d sentences, %d matched to a "
                   "reference line; fitted on %d), C=%g",
                   rep.sum_docs, rep.sum_sentences, rep.sum_positive, rep.sum_rows, rep.sum_c);
            if (rep.sum_cv[0] > 0)
                printf(" (cross-validated F1 of the top 3 in reference words: 0.1:%.2f 1:%.2f 10:%.2f)",
                       100 * rep.sum_cv[0], 100 * rep.sum_cv[1], 100 * rep.sum_cv[2]);
            printf("\n");
        }
    }
    if (failed) {
        fprintf(stderr, "newsdesk: %zu of %zu records failed\n", failed, records);
        if (rc == EXIT_OK) rc = EXIT_FAIL;
    }
    nd_model_free(m);
    nd_trainer_free(t);
    free(inputs);
    if (cli_close_stdout() != EXIT_OK) rc = EXIT_FAIL;
    return rc;
}

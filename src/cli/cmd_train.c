/* cmd_train.c -- newsdesk train: labelled corpora -> model bundle. */
#include "cli.h"

#include <limits.h>    /* PATH_MAX */
#include <stdio.h>     /* printf */
#include <stdlib.h>    /* free */
#include <string.h>    /* strcmp */
#include <sys/stat.h>  /* stat */
#include <unistd.h>    /* isatty */

static void help(void)
{
    printf("usage: newsdesk train -o DIR [options] [FILE...] [--topic-data FILE] [--region-data FILE]\n\n"
           "Trains a model bundle: vocabulary and IDF over all the given records, one linear\n"
           "SVM per task with at least two labels (libsvm C-SVC; liblinear one-vs-rest above\n"
           "5000 documents), and a sentence model for summaries when records carry\n"
           "reference summaries (without them, the default model's is kept: its features\n"
           "mean the same in any bundle). C is chosen by stratified cross-validation over a grid\n"
           "(the sentence model's over articles, from 0.1, 1 and 10); confidences are\n"
           "Platt-calibrated on the out-of-fold decision values.\n"
           "The report goes to stdout; bad records are reported on stderr and skipped\n"
           "(exit status 1).\n\n"
           "Data:\n"
           "  FILE                    records whose topic and region labels are both used\n"
           "  --topic-data FILE       records used for the topic classifier only\n"
           "  --region-data FILE      records used for the region classifier only\n"
           "  --summary-data FILE     records with reference summaries used for the sentence\n"
           "                          model only (not for the vocabulary or a classifier)\n"
           "  -o, --output DIR        the bundle to write (replaced atomically)\n\n"
           "Story extraction (read before the other data, whose stories it then finds):\n"
           "  --extract-data FILE     pages with known story and boilerplate segments ('with' and\n"
           "                          'without' lists) train the block model: HTML pages the one\n"
           "                          for pages and, read as text dumps, the one for text\n"
           "  --extract-story FILE    clean articles (all of their text is story) for the block\n"
           "                          model, so that it keeps such texts whole\n"
           "  --extract-model DIR     take DIR's block model instead (default: the default\n"
           "                          model's, when it is found and has one)\n"
           "  --no-extract-model      no block model: the clutter rules alone find stories\n\n"
           "Settings (defaults are the shipped ones):\n"
           "  --language CODE         the texts' language, ISO 639-1 (en, de, fr, es, it, pt, nl,\n"
           "                          sv, da, no, fi, ru, pl, ..., zh, ja, ko): its stemmer, stop\n"
           "                          words and word and sentence rules, kept in the bundle; auto\n"
           "                          (the default) guesses it from the first records' function\n"
           "                          words (or their script: zh, ja, ko)\n"
           "  --min-df N              drop terms in fewer documents (3)\n"
           "  --max-df X              drop terms in more than this fraction of documents (0.5)\n"
           "  --max-features N        keep the N most frequent terms (300000)\n"
           "  --bigrams, --no-bigrams pairs of neighbouring words are terms too, or not (default:\n"
           "                          they are, but for languages that write compounds as one word)\n"
           "  --title-weight X        title words count X times (2)\n"
           "  --lead-weight X         words of the first sentence count X times (2)\n"
           "  --no-numbers            keep numbers as words instead of shape terms (#n3, #dec)\n"
           "  --no-title-terms        no title words as terms of their own (^word) for topics\n"
           "  --geo-weight X          weight of the gazetteer features for regions (4)\n"
           "  --subwords X            a word's character 4-grams are terms too, each weighing X\n"
           "                          of the word (0: none; default 0.3 for languages that write\n"
           "                          compounds as one word: de, nl, sv, da, no, fi; 0 for others)\n"
           "  --dateline-weight X     the words of a dateline's place (\"Wien\" of \"Wien - Die\")\n"
           "                          are terms of their own too, weighing X (0: none; default 5\n"
           "                          for German, whose papers part news from home and abroad;\n"
           "                          0 for others)\n"
           "  --placeless-weight X    a story whose first sentences name no dateline's place has\n"
           "                          the term %% of weight X (0: none; default 20 where\n"
           "                          --dateline-weight is on, 0 where it is off)\n"
           "  --gazetteer FILE        place -> region table for region features (default: the\n"
           "                          project's models/gazetteer.tsv when found)\n"
           "  --no-gazetteer          no gazetteer features\n"
           "  --no-summarizer         no sentence model, even when records carry summaries\n"
           "                          (summaries by TextRank)\n"
           "  --folds N               cross-validation folds (3)\n"
           "  --c LIST                C values to try, comma-separated (0.5,1,2,4,8)\n"
           "  --balanced              weight classes by inverse frequency\n"
           "  --solver NAME           auto (the default: libsvm for a task of up to 5000\n"
           "                          documents, liblinear above), libsvm or liblinear\n"
           "  --uniform-prior TASK    TASK's (topic or region) probabilities take every label\n"
           "                          as equally likely, not as common as in the training data\n"
           "  --seed N                fold shuffle and libsvm seed (1)\n"
           "  --threads N             parallel trainings (default: online CPUs)\n\n");
    printf("%s", CLI_INPUT_HELP);
    printf("\nExample:\n  newsdesk train -o mymodel --topic-data bbc/train.jsonl.gz "
           "--region-data reuters21578/train.jsonl.gz\n");
}

enum {
    DATA_PAGES = 1u << 30,   /* an input of pages for the block model, not labelled records */
    DATA_STORY = 1u << 29,   /* clean articles for the block model: all their text is story */
    DATA_SUMMARY = 1u << 28  /* records with reference summaries for the sentence model alone */
};
#define DATA_EXTRACT (DATA_PAGES | DATA_STORY)

struct input {
    const char *path;
    unsigned tasks;
};

/* What the command line asked for. */
struct train_args {
    struct cli_input in;
    nd_train_opts opts;
    const char *outdir;
    const char *extract_model;   /* a bundle to take the block model from */
    int no_extract, no_gaz;
    struct input *inputs;
    size_t ninputs;
    char gazbuf[PATH_MAX];
    char sumfrom[PATH_MAX];      /* the bundle whose sentence model is kept if none is learned, or "" */
};

struct counts {
    size_t records, failed, used;
    size_t alike;      /* the failures so far, while every record failed and for the same reason */
    nd_buf reason;     /* that reason, the record's id taken out */
    int stopped;       /* ND_ALIKE of them: the run stopped */
};

/* Records that all fail alike before the first one is used: the inputs are not what train reads (field names...). */
#define ND_ALIKE 1000

/* train's options: the input options, then its own (their letters are parse_args' cases) */
static const struct option train_longopts[] = {
    CLI_INPUT_OPTIONS,
    { "output", required_argument, NULL, 'o' },
    { "topic-data", required_argument, NULL, 'T' },
    { "region-data", required_argument, NULL, 'R' },
    { "summary-data", required_argument, NULL, 'D' },
    { "extract-data", required_argument, NULL, 'X' },
    { "extract-model", required_argument, NULL, 'E' },
    { "extract-story", required_argument, NULL, 'Y' },
    { "no-extract-model", no_argument, NULL, 'Z' },
    { "language", required_argument, NULL, 'L' },
    { "min-df", required_argument, NULL, 'm' },
    { "max-df", required_argument, NULL, 'x' },
    { "max-features", required_argument, NULL, 'F' },
    { "bigrams", no_argument, NULL, 'u' },
    { "no-bigrams", no_argument, NULL, 'U' },
    { "title-weight", required_argument, NULL, 'w' },
    { "lead-weight", required_argument, NULL, 'l' },
    { "no-numbers", no_argument, NULL, 'N' },
    { "no-title-terms", no_argument, NULL, 'H' },
    { "geo-weight", required_argument, NULL, 'e' },
    { "subwords", required_argument, NULL, 'W' },
    { "dateline-weight", required_argument, NULL, 'A' },
    { "placeless-weight", required_argument, NULL, 'K' },
    { "gazetteer", required_argument, NULL, 'g' },
    { "no-gazetteer", no_argument, NULL, 'G' },
    { "no-summarizer", no_argument, NULL, 'S' },
    { "folds", required_argument, NULL, 'k' },
    { "c", required_argument, NULL, 'C' },
    { "balanced", no_argument, NULL, 'B' },
    { "solver", required_argument, NULL, 'V' },
    { "uniform-prior", required_argument, NULL, 'P' },
    { "seed", required_argument, NULL, 's' },
    { "threads", required_argument, NULL, 'j' },
    { "help", no_argument, NULL, 'h' },
    { NULL, 0, NULL, 0 },
};

/* Parse the command line into 'a': EXIT_OK to go on, else the exit status (help shown, usage error). */
static int parse_args(struct train_args *a, int argc, char **argv)
{
    const char *cmd = "train";
    nd_train_opts *o = &a->opts;
    optind = 0;
    opterr = 0;
    int c;
    long v;
    double d;
    int li = -1;
    while ((c = getopt_long(argc, argv, "qho:j:", train_longopts, &li)) != -1) {
        int h = cli_input_option(&a->in, cmd, c, optarg);
        if (h < 0) return EXIT_USAGE;
        if (h) continue;
        char opt[64];   /* the option's name for messages (argv[optind - 1] may be its value) */
        if (li >= 0) snprintf(opt, sizeof(opt), "--%s", train_longopts[li].name);
        else snprintf(opt, sizeof(opt), "-%c", c);
        li = -1;
        switch (c) {
        case 'h': help(); return cli_close_stdout() == EXIT_OK ? -1 : EXIT_FAIL;
        case 'o': a->outdir = optarg; break;
        case 'T': a->inputs[a->ninputs++] = (struct input){ optarg, 1u << ND_TASK_TOPIC }; break;
        case 'R': a->inputs[a->ninputs++] = (struct input){ optarg, 1u << ND_TASK_REGION }; break;
        case 'D': a->inputs[a->ninputs++] = (struct input){ optarg, DATA_SUMMARY }; break;
        case 'X': a->inputs[a->ninputs++] = (struct input){ optarg, DATA_PAGES }; break;
        case 'Y': a->inputs[a->ninputs++] = (struct input){ optarg, DATA_STORY }; break;
        case 'E': a->extract_model = optarg; break;
        case 'L': o->language = optarg; break;
        case 'Z': a->no_extract = 1; break;
        case 'm':
            if (cli_parse_int(optarg, 1, 1000000, &v)) return cli_usage_error(cmd, "%s wants a whole number from 1 to 1000000, not '%s'", opt, optarg);
            o->min_df = (int)v;
            break;
        case 'x':
            if (cli_parse_double(optarg, 1e-6, 1, &o->max_df)) return cli_usage_error(cmd, "%s wants a fraction in (0, 1], not '%s'", opt, optarg);
            break;
        case 'F':
            if (cli_parse_int(optarg, 1, 100000000, &v)) return cli_usage_error(cmd, "%s wants a whole number from 1 to 100000000, not '%s'", opt, optarg);
            o->max_features = (int)v;
            break;
        case 'u': case 'U': o->bigrams = c == 'u'; break;
        case 'w': case 'l': case 'e': case 'W': case 'A': case 'K':
            if (cli_parse_double(optarg, 0, 100, &d)) return cli_usage_error(cmd, "%s wants a number from 0 to 100, not '%s'", opt, optarg);
            *(c == 'w' ? &o->title_weight : c == 'l' ? &o->lead_weight : c == 'e' ? &o->geo_weight :
              c == 'A' ? &o->dateline_weight : c == 'K' ? &o->placeless_weight : &o->subwords) = d;
            break;
        case 'N': o->numbers = 0; break;
        case 'H': o->title_terms = 0; break;
        case 'g': o->gazetteer = optarg; break;
        case 'G': a->no_gaz = 1; break;
        case 'S': o->summarizer = 0; break;
        case 'k':
            if (cli_parse_int(optarg, 2, 20, &v)) return cli_usage_error(cmd, "%s wants a whole number from 2 to 20, not '%s'", opt, optarg);
            o->folds = (int)v;
            break;
        case 'C': {
            memset(o->c_grid, 0, sizeof(o->c_grid));
            int n = 0;
            for (const char *p = optarg; *p;) {
                char num[64];
                size_t len = strcspn(p, ",");
                if (n >= 8 || len == 0 || len >= sizeof(num)) n = -1;
                if (n >= 0) {
                    memcpy(num, p, len);
                    num[len] = '\0';
                    if (cli_parse_double(num, 1e-6, 1e6, &d)) n = -1;
                    else o->c_grid[n++] = d;
                }
                if (n < 0) return cli_usage_error(cmd, "--c wants up to 8 numbers from 1e-6 to 1e6 separated by commas, not '%s'", optarg);
                p += len + (p[len] == ',');
            }
            if (!n) return cli_usage_error(cmd, "--c wants up to 8 numbers from 1e-6 to 1e6 separated by commas, not '%s'", optarg);
            break;
        }
        case 'B': o->balanced = 1; break;
        case 'V': {
            nd_solver s = ND_SOLVER_AUTO;
            while (s <= ND_SOLVER_LIBLINEAR && strcmp(optarg, nd_solver_name(s))) s++;
            if (s > ND_SOLVER_LIBLINEAR) return cli_usage_error(cmd, "--solver wants auto, libsvm or liblinear, not '%s'", optarg);
            o->solver = s;
            break;
        }
        case 'P':
            if (!strcmp(optarg, "topic")) o->uniform_prior |= 1u << ND_TASK_TOPIC;
            else if (!strcmp(optarg, "region")) o->uniform_prior |= 1u << ND_TASK_REGION;
            else return cli_usage_error(cmd, "--uniform-prior wants topic or region, not '%s'", optarg);
            break;
        case 's':
            if (cli_parse_int(optarg, 0, 2147483647L, &v)) return cli_usage_error(cmd, "%s wants a whole number from 0 to 2147483647, not '%s'", opt, optarg);
            o->seed = (unsigned)v;
            break;
        case 'j':
            if (cli_parse_int(optarg, 1, 256, &v)) return cli_usage_error(cmd, "%s wants a whole number from 1 to 256, not '%s'", opt, optarg);
            o->threads = (int)v;
            break;
        default: return cli_unknown_option(cmd, argv);
        }
    }
    for (int i = optind; i < argc; i++)
        a->inputs[a->ninputs++] = (struct input){ argv[i], (1u << ND_TASK_TOPIC) | (1u << ND_TASK_REGION) };
    if (!a->outdir) return cli_usage_error(cmd, "missing -o DIR");
    size_t labelled = 0;
    int pages = 0, stories = 0;
    for (size_t i = 0; i < a->ninputs; i++) {
        labelled += !(a->inputs[i].tasks & DATA_EXTRACT);
        pages |= a->inputs[i].tasks == DATA_PAGES;
        stories |= a->inputs[i].tasks == DATA_STORY;
    }
    if (stories && !pages) return cli_usage_error(cmd, "--extract-story needs --extract-data: the pages that teach what is not story");
    if (!labelled && !isatty(STDIN_FILENO)) {   /* records piped in: both labels, as a FILE's */
        a->inputs[a->ninputs++] = (struct input){ "-", (1u << ND_TASK_TOPIC) | (1u << ND_TASK_REGION) };
        labelled = 1;
    }
    if (!labelled) return cli_usage_error(cmd, "no training data given: give FILE..., --topic-data FILE, or pipe records in");
    if (a->extract_model && a->no_extract)
        return cli_usage_error(cmd, "--extract-model and --no-extract-model contradict each other");
    if (a->no_gaz) o->gazetteer = NULL;
    else if (!o->gazetteer) o->gazetteer = cli_find_data("models/gazetteer.tsv", a->gazbuf, sizeof(a->gazbuf));
    return EXIT_OK;
}

/* Count one more failure toward ND_ALIKE: the number failed alike so far (a new reason starts over at 1). */
static size_t failed_alike(struct counts *n, const nd_record *rec, const char *why)
{
    nd_buf r;
    nd_buf_init(&r);
    const char *id = rec->id && *rec->id ? strstr(why, rec->id) : NULL;   /* "record 'x' has no text" */
    if (id) {
        nd_buf_add(&r, why, (size_t)(id - why));
        nd_buf_addc(&r, '*');
        nd_buf_adds(&r, id + strlen(rec->id));
    } else {
        nd_buf_adds(&r, why);
    }
    if (n->alike && !strcmp(r.data, n->reason.data)) {
        n->alike++;
    } else {
        nd_buf_reset(&n->reason);
        nd_buf_adds(&n->reason, r.data);
        n->alike = 1;
    }
    nd_buf_release(&r);
    return n->alike;
}

/* Feed every record of the inputs of kind 'kind' (DATA_EXTRACT: the block model's; 0: the labelled records) to 't'. */
static void read_inputs(const struct train_args *a, nd_trainer *t, unsigned kind, struct counts *n, struct cli_progress *prog)
{
    nd_record rec;
    nd_record_init(&rec);
    nd_err err = { 0 };
    size_t used0 = n->used;
    n->alike = 0;
    for (size_t i = 0; i < a->ninputs; i++) {
        unsigned tasks = a->inputs[i].tasks;
        if ((tasks & DATA_EXTRACT ? DATA_EXTRACT : 0u) != kind) continue;
        nd_reader *rd = nd_reader_new(&a->inputs[i].path, 1, &a->in.reader);
        while (nd_reader_next(rd, &rec)) {
            n->records++;
            nd_status st = rec.error               ? rec.error_code
                           : tasks == DATA_PAGES   ? nd_trainer_add_page(t, &rec, &err)
                           : tasks == DATA_STORY   ? nd_trainer_add_story(t, &rec, &err)
                           : tasks == DATA_SUMMARY ? nd_trainer_add_summary(t, &rec, &err)
                                                   : nd_trainer_add(t, &rec, tasks, &err);
            if (st != ND_OK) {
                n->failed++;
                const char *why = rec.error ? rec.error : err.msg;
                if (!a->in.quiet) cli_record_error(&rec, why);
                if (n->used == used0 && failed_alike(n, &rec, why) >= ND_ALIKE) {
                    nd_buf keys;
                    nd_buf_init(&keys);
                    nd_reader_keys(rd, &keys);
                    cli_error("the first %d records all failed alike (%s): stopping. Their fields are: %s; "
                              "--text-field and the other field options name the ones to read",
                              ND_ALIKE, n->reason.data, keys.len ? keys.data : "(none: not JSON Lines or TSV)");
                    nd_buf_release(&keys);
                    n->stopped = 1;
                    break;
                }
                continue;
            }
            n->used++;
            if (!a->in.quiet) cli_record_text_field(&rec), cli_record_repairs(&rec);
            cli_progress_tick(prog, n->records);
        }
        nd_reader_free(rd);
        if (n->stopped) break;
    }
    nd_record_release(&rec);
}

/*
 * The sentence model kept when too few records carry reference summaries:
 * from 'from' (loaded from dir), else from the default model. None with
 * --no-summarizer.
 */
static void setup_summarizer(struct train_args *a, nd_trainer *t, nd_model *from, const char *dir)
{
    if (!a->opts.summarizer) return;
    char buf[PATH_MAX];
    nd_model *own = NULL;
    if (!from || !nd_model_has_summarizer(from)) {
        nd_err err = { 0 };
        dir = cli_default_model_dir(buf, sizeof(buf));
        from = own = dir ? nd_model_load(dir, &err) : NULL;
    }
    if (from && nd_model_has_summarizer(from)) {
        nd_trainer_use_summarizer(t, from);
        snprintf(a->sumfrom, sizeof(a->sumfrom), "%s", dir);
    }
    nd_model_free(own);
}

/* The block model the texts are read with: trained from --extract-data, or taken from a bundle. 0, or EXIT_FAIL. */
static int setup_extractor(struct train_args *a, nd_trainer *t, struct counts *n, struct cli_progress *prog)
{
    int pages = 0;
    for (size_t i = 0; i < a->ninputs; i++) pages |= a->inputs[i].tasks == DATA_PAGES;
    nd_err err = { 0 };
    if (pages) {
        read_inputs(a, t, DATA_EXTRACT, n, prog);
        if (n->stopped) return EXIT_FAIL;
        nd_extract_report rep;
        if (nd_trainer_train_extractor(t, &rep, &err) != ND_OK) {
            cli_error("story extraction: %s", err.msg);
            return EXIT_FAIL;
        }
        for (int f = 1; f >= 0; f--)
            if (rep.trained[f])
                printf("story extraction, %s: block model from %d pages (%d labelled blocks), C=%g/%g, shift %g, "
                       "smoothing %g (cross-validated F1 of their segments %.2f%%)\n", f ? "html" : "text",
                       rep.pages[f], rep.blocks[f], rep.c1[f], rep.c2[f], rep.shift[f], rep.lambda[f], 100 * rep.cv_f1[f]);
        setup_summarizer(a, t, NULL, NULL);
        return EXIT_OK;
    }
    if (a->no_extract) {
        printf("story extraction: the clutter rules alone (no block model)\n");
        setup_summarizer(a, t, NULL, NULL);
        return EXIT_OK;
    }
    char buf[PATH_MAX];
    const char *dir = a->extract_model ? a->extract_model : cli_default_model_dir(buf, sizeof(buf));
    nd_model *from = dir ? nd_model_load(dir, &err) : NULL;
    if (!from && a->extract_model) {
        cli_error("cannot load model '%s': %s", dir, err.msg);
        return EXIT_FAIL;
    }
    nd_trainer_use_extractor(t, from);
    if (from && nd_model_has_extractor(from)) printf("story extraction: the block model of %s\n", dir);
    else printf("story extraction: the clutter rules alone (%s has no block model)\n", dir ? dir : "no default model");
    setup_summarizer(a, t, from, dir);
    nd_model_free(from);
    return EXIT_OK;
}

static void report(const struct train_args *a, const nd_train_report *rep, const struct counts *n)
{
    printf("trained %s from %zu records (%zu failed): %d features, %.1f s\n", a->outdir, n->used, n->failed,
           rep->nfeatures, rep->seconds);
    if (rep->language_guessed)
        printf("language: %s, guessed from the first %d records (%.0f%% of their %s; --language sets it)\n",
               rep->language, rep->language_records, 100 * rep->language_share,
               rep->language_guessed == 2 ? "characters are of its script" : "words are its function words");
    else
        printf("language: %s\n", rep->language);
    for (int k = 0; k < ND_NTASKS; k++) {
        if (!rep->trained[k]) continue;
        printf("%s: %d documents, %d labels, %s, C=%g (cross-validated accuracy %.2f%%; grid", nd_task_name((nd_task)k),
               rep->ndocs[k], rep->nlabels[k], nd_solver_name(rep->solver[k]), rep->best_c[k], 100 * rep->cv_accuracy[k]);
        for (int g = 0; g < 8 && a->opts.c_grid[g] > 0; g++)
            if (rep->cv_grid[k][g] >= 0) printf(" %g:%.2f", a->opts.c_grid[g], 100 * rep->cv_grid[k][g]);
            else printf(" %g:-", a->opts.c_grid[g]);
        printf(")\n");
    }
    if (rep->sum_docs) {
        printf("summaries: sentence model from %d articles with references (%d sentences, %d of them labelled "
               "as in the reference), C=%g",
               rep->sum_docs, rep->sum_sentences, rep->sum_positive, rep->sum_c);
        if (rep->sum_cv[0] > 0)
            printf(" (cross-validated F1 of the top 3 in reference words: 0.1:%.2f 1:%.2f 10:%.2f)",
                   100 * rep->sum_cv[0], 100 * rep->sum_cv[1], 100 * rep->sum_cv[2]);
        printf("\n");
    } else if (rep->sum_taken) {
        printf("summaries: the sentence model of %s (under 10 records have reference summaries to learn one)\n",
               a->sumfrom);
    }
}

/* Training progress on stderr, at most every half second, one line overwritten; a stage's last fit ends it. */
struct fit_line {
    double last;
    int width;
};

static void show_fit(const nd_train_progress *p, void *ctx)
{
    struct fit_line *l = ctx;
    if (p->done == 1) l->last = -1;   /* a stage's first fit shows at once */
    if (p->done < p->total && p->elapsed - l->last < 0.5) return;
    l->last = p->elapsed;
    char what[96], lab[48] = "";
    if (p->label) snprintf(lab, sizeof(lab), ", label %d of %d", p->label, p->labels);
    if (p->fold) snprintf(what, sizeof(what), "fold %d of %d, C=%g%s", p->fold, p->folds, p->C, lab);
    else snprintf(what, sizeof(what), "final fit, C=%g%s", p->C, lab);
    int n;
    if (p->done < p->total)
        n = fprintf(stderr, "\rnewsdesk: %s: %s: fit %zu of %zu, about %.0f s left", p->stage, what, p->done, p->total,
                    p->left + 0.5);
    else
        n = fprintf(stderr, "\rnewsdesk: %s: %zu fits in %.1f s", p->task >= 0 ? "classifiers" : p->stage, p->total,
                    p->elapsed);
    if (n < l->width) fprintf(stderr, "%*s", l->width - n, "");   /* over what the last line left */
    l->width = n;
    if (p->done == p->total) fputc('\n', stderr);
}

int cmd_train(int argc, char **argv)
{
    struct train_args a;
    memset(&a, 0, sizeof(a));
    cli_input_init(&a.in);
    nd_train_opts_init(&a.opts);
    a.opts.language = "auto";
    a.inputs = calloc((size_t)argc + 1, sizeof(*a.inputs));
    if (!a.inputs) return cli_error("out of memory"), EXIT_FAIL;
    int rc = parse_args(&a, argc, argv);
    if (rc) {
        free(a.inputs);
        return rc < 0 ? EXIT_OK : rc;
    }
    nd_err err = { 0 };
    struct fit_line fl = { -1, 0 };   /* the first fit shows at once */
    if (a.in.progress == 1 || (a.in.progress < 0 && isatty(STDERR_FILENO))) {   /* as cli_progress_init decides */
        a.opts.progress = show_fit;
        a.opts.progress_ctx = &fl;
    }
    nd_trainer *t = nd_trainer_new(&a.opts, &err);
    if (!t) {
        free(a.inputs);
        if (err.code == ND_ERR_PARAM) return cli_usage_error("train", "%s", err.msg);
        cli_error("%s", err.msg);
        return EXIT_FAIL;
    }
    struct counts n = { 0 };
    nd_buf_init(&n.reason);
    struct cli_progress prog;
    cli_progress_init(&prog, a.in.progress);
    nd_model *m = NULL;
    nd_train_report rep;
    if ((rc = setup_extractor(&a, t, &n, &prog)) == EXIT_OK) {
        read_inputs(&a, t, 0, &n, &prog);
        cli_progress_done(&prog);
        if (n.stopped) {
            rc = EXIT_FAIL;
        } else if (nd_trainer_finish(t, NULL, &m, &rep, &err) != ND_OK) {
            cli_error("training failed: %s", err.msg);
            rc = EXIT_FAIL;
        } else if (!rep.trained[0] && !rep.trained[1]) {
            cli_error("no task has two or more labels: nothing to train");
            rc = EXIT_FAIL;
        } else if (nd_model_save(m, a.outdir, &err) != ND_OK) {
            cli_error("%s", err.msg);
            rc = EXIT_FAIL;
        } else {
            report(&a, &rep, &n);
        }
    }
    if (n.failed) {
        fprintf(stderr, "newsdesk: %zu of %zu records failed\n", n.failed, n.records);
        if (rc == EXIT_OK) rc = EXIT_FAIL;
    }
    nd_buf_release(&n.reason);
    nd_model_free(m);
    nd_trainer_free(t);
    free(a.inputs);
    if (cli_close_stdout() != EXIT_OK) rc = EXIT_FAIL;
    return rc;
}

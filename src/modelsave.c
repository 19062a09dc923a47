/*
 * modelsave.c -- writing a model bundle: every file into a temporary
 * directory beside the target, each fsync'ed, the manifest last with the
 * checksums of the others, then swapped in (renameat2 RENAME_EXCHANGE), so
 * a reader sees the old bundle or the new one, never half of one.
 */
#include "lang.h"
#include "story.h"
#include "text.h"

#include <dirent.h>      /* opendir */
#include <errno.h>       /* errno */
#include <fcntl.h>       /* open, AT_FDCWD */
#include <libsvm/svm.h>  /* svm_save_model */
#include <stdio.h>       /* renameat2, fopen */
#include <stdlib.h>      /* free, mkdtemp */
#include <sys/stat.h>    /* chmod */
#include <sys/syscall.h> /* SYS_renameat2 */
#include <unistd.h>      /* fsync, rmdir, syscall */

#ifndef RENAME_EXCHANGE
#define RENAME_EXCHANGE (1 << 1)
#endif

static nd_status write_file(const char *dir, const char *name, const char *data, size_t len, nd_err *err)
{
    nd_buf path;
    nd_buf_init(&path);
    nd_buf_addf(&path, "%s/%s", dir, name);
    nd_status st = ND_OK;
    int fd = open(path.data, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0) {
        st = nd_fail(err, ND_ERR_IO, "cannot create '%s': %s", path.data, strerror(errno));
    } else {
        size_t off = 0;
        while (off < len) {
            ssize_t w = write(fd, data + off, len - off);
            if (w < 0) {
                if (errno == EINTR) continue;
                st = nd_fail(err, ND_ERR_IO, "cannot write '%s': %s", path.data, strerror(errno));
                break;
            }
            off += (size_t)w;
        }
        if (st == ND_OK && fsync(fd) != 0)
            st = nd_fail(err, ND_ERR_IO, "cannot sync '%s': %s", path.data, strerror(errno));
        if (close(fd) != 0 && st == ND_OK)
            st = nd_fail(err, ND_ERR_IO, "cannot close '%s': %s", path.data, strerror(errno));
    }
    nd_buf_release(&path);
    return st;
}

static nd_status sync_path(const char *path, nd_err *err)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0) return nd_fail(err, ND_ERR_IO, "cannot open '%s': %s", path, strerror(errno));
    int r = fsync(fd);
    close(fd);
    if (r != 0) return nd_fail(err, ND_ERR_IO, "cannot sync '%s': %s", path, strerror(errno));
    return ND_OK;
}

static void remove_tree(const char *dir)
{
    DIR *d = opendir(dir);
    if (d) {
        struct dirent *de;
        while ((de = readdir(d))) {
            if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, "..")) continue;
            nd_buf p;
            nd_buf_init(&p);
            nd_buf_addf(&p, "%s/%s", dir, de->d_name);
            unlink(p.data);
            nd_buf_release(&p);
        }
        closedir(d);
    }
    rmdir(dir);
}

static void describe_features(const nd_model *m, nd_buf *b)
{
    nd_buf_addf(b, "min_df %d\nmax_df %.17g\nmax_features %d\nbigrams %d\ntitle_weight %.17g\n"
                   "lead_weight %.17g\nnumbers %d\ntitle_terms %d\ngeo_weight %.17g\n",
                m->opts.min_df, m->opts.max_df, m->opts.max_features, m->opts.bigrams, m->opts.title_weight,
                m->opts.lead_weight, m->opts.numbers, m->opts.title_terms, m->opts.geo_weight);
    if (m->opts.subwords > 0) nd_buf_addf(b, "subwords %.17g\n", m->opts.subwords);   /* none: an older bundle's manifest */
    if (m->opts.dateline_weight > 0) nd_buf_addf(b, "dateline_weight %.17g\n", m->opts.dateline_weight);
    if (m->opts.placeless_weight > 0) nd_buf_addf(b, "placeless_weight %.17g\n", m->opts.placeless_weight);
    const nd_language *l = m->lang;
    int english = l == nd_english();
    nd_buf_addf(b, "language %s\nnormalization nfkc-casefold%s\n", l->code, l->rules & ND_LANG_MARKS ? "" : "-nomarks");
    if (english)
        nd_buf_adds(b, "stopwords english\n");
    else if (nd_language_stoplist(l) >= 0)
        nd_buf_addf(b, "stopwords models/stopwords/%s.txt\n", l->code);
    else
        nd_buf_adds(b, "stopwords none\n");
    nd_buf_addf(b, "stemmer %s%s\ntf sublinear\nidf smoothed\nnorm l2\n", l->stemmed ? "snowball-" : "none", l->stemmed ? l->name : "");
}

static void manifest(const nd_model *m, nd_buf *b)
{
    nd_buf_addf(b, "newsdesk-model %d\ncreated_by newsdesk %s\n", m->format, ND_VERSION);
    describe_features(m, b);
    nd_buf_addf(b, "documents %u\nfeatures %zu\ngazetteer %s\n", m->ndocs, m->vocab.n,
                m->gaz.nregions ? "gazetteer.tsv" : "none");
    nd_buf_addf(b, "folds %d\nseed %u\nbalanced %d\n", m->opts.folds, m->opts.seed, m->opts.balanced);
    if (m->digest) nd_buf_addf(b, "data_digest %s\n", m->digest);
    for (int t = 0; t < ND_NTASKS; t++) {
        const nd_linsvm *s = m->task[t];
        if (!s) continue;
        nd_buf_addf(b, "task %s labels=", nd_task_name((nd_task)t));
        for (int i = 0; i < s->nclass; i++) nd_buf_addf(b, "%s%s", i ? "," : "", s->labels[i]);
        nd_buf_addf(b, " docs=%d C=%.17g cv_accuracy=%.4f calibration=%s", m->ndocs_task[t], m->best_c[t],
                    m->cv_accuracy[t], s->prob_a ? "platt" : "votes");
        if (s->count) {
            nd_buf_adds(b, " counts=");
            for (int i = 0; i < s->nclass; i++) nd_buf_addf(b, "%s%d", i ? "," : "", s->count[i]);
        }
        nd_buf_addf(b, " prior=%s", s->uniform_prior ? "uniform" : "training");
        if (m->solver_task[t]) nd_buf_addf(b, " solver=%s", nd_solver_name(m->solver_task[t]));
        nd_buf_addc(b, '\n');
    }
    if (m->sum) {
        nd_buf_adds(b, "summarizer summary.svm features=");
        static const char *const fn[ND_SFEAT_OWN] = {
            "position", "first", "second", "third", "inverse_position", "log_words", "short", "centroid",
            "textrank", "title", "digits", "quote", "paragraph_start", "log_sentences", "textrank_x_words",
            "centroid_x_words", "position_x_sentences", "word_frequency", "word_frequency_x_words",
            "first_candidate", "second_candidate", "third_candidate", "inverse_candidate_rank", "relative_words"
        };
        for (int k = 0; k < ND_SFEAT_OWN; k++) nd_buf_addf(b, "%s%s", k ? "," : "", fn[k]);
        nd_buf_adds(b, ",dateline");
        for (int k = 0; k < ND_SFEAT_OWN; k++) nd_buf_addf(b, ",dateline_x_%s", fn[k]);
        if (m->sum->c > 0) nd_buf_addf(b, " C=%g", m->sum->c);
        nd_buf_addf(b, " language=%s", (m->sum->lang ? m->sum->lang : m->lang)->code);
        nd_buf_addc(b, '\n');
    }
    if (m->ex) {
        nd_buf_adds(b, "extractor blocks.model");
        for (int f = 0; f < ND_NFORMS; f++)
            if (m->ex->form[f].trained)
                nd_buf_addf(b, " %s=%d pages,F1 %.4f", nd_form_names[f], m->ex->form[f].pages, m->ex->form[f].cv_f1);
        nd_buf_addc(b, '\n');
    }
    if (m->metrics) {
        const char *p = m->metrics;
        while (*p) {
            const char *nl = strchr(p, '\n');
            size_t n = nl ? (size_t)(nl - p) : strlen(p);
            if (n) {
                nd_buf_adds(b, "metric ");
                nd_buf_add(b, p, n);
                nd_buf_addc(b, '\n');
            }
            p += n + (nl ? 1 : 0);
        }
    }
}

static const char readme_text[] =
    "# newsdesk model bundle\n\n"
    "Written by `newsdesk train`; read by `newsdesk --model DIR`. All files are text but two kinds of binary\n"
    "caches: TASK.weights (each task's weights folded from TASK.svm) and vocab.index (the vocabulary's tables\n"
    "built from vocab.tsv), read instead of the text when they name its checksum; loading the bundle writes\n"
    "them again when they are missing or stale, and deleting them is safe.\n\n"
    "| file | content |\n|---|---|\n"
    "| manifest | `key value` lines: format version (`newsdesk-model 2`), feature settings, one `task` line per\n"
    "  classifier (labels, training documents, chosen C, cross-validated accuracy, `counts=` training documents\n"
    "  per label, `prior=training` or `prior=uniform`: probabilities divided by the training share of each label\n"
    "  and normalised, as if every label were equally likely), training data digest, metrics, `checksum FILE HASH`\n"
    "  per file (64-bit, hex; checked when loading: a damaged file is refused), last `end HASH` of the lines above |\n"
    "| vocab.tsv | `term<TAB>document frequency`; line N is feature N. Terms are Snowball stems, `stem stem`\n"
    "  bigrams, `#n3`-style number shapes, `^stem` title words (topic only), `~gram` character 4-grams of\n"
    "  words (with `subwords`), `%stem` the words of a dateline's place (with `dateline_weight`), `%` none\n"
    "  (with `placeless_weight`), and\n"
    "  `@geo:REGION` / `@geo1:REGION` gazetteer features |\n"
    "| gazetteer.tsv | `place<TAB>region`, matched on normalised words, a third column `state` (a town named\n"
    "  before it lies in it: \"Paris, Texas\") or `country`, and `name` (a given name too: \"Jordan\n"
    "  Henderson\"); `.cc<TAB>region` lines map an outlet's country-code domain, a currency's sign\n"
    "  (`£<TAB>europe`) an amount in it (optional) |\n"
    "| TASK.svm | libsvm model (C-SVC, linear kernel) over TF-IDF features; labels are 0..k-1 |\n"
    "| TASK.labels | name of libsvm label N on line N+1 |\n"
    "| TASK.platt | `A B` per class pair, in libsvm's pair order: P = 1 / (1 + exp(A*f + B)) |\n"
    "| summary.svm | libsvm model (two classes, linear) scoring sentences for summaries over the features the\n"
    "  manifest's `summarizer` line names (and `language=`, the language of the references it learned from),\n"
    "  label 1 = the sentence is in the reference summary: a logistic regression's weights as the one support\n"
    "  vector, `probA -1` and `probB 0` the logistic function (optional) |\n"
    "| blocks.model | the story extraction's block model (optional): per form (`html` pages, `text` dumps) its\n"
    "  settings and named weights, trained with liblinear's logistic regression (`w1`: a block's own features,\n"
    "  `w2`: them and the context of the first stage); without it the clutter rules alone find the story |\n\n"
    "IDF is recomputed from the document frequencies: idf = ln((1 + documents) / (1 + df)) + 1.\n"
    "Both classifiers read the same L2-normalised TF-IDF vector; the region classifier first\n"
    "multiplies the `@geo` features by `geo_weight` and normalises again.\n";

nd_status nd_model_save(const nd_model *m, const char *dir, nd_err *err)
{
    nd_buf tmp, b, path;
    nd_buf_init(&tmp);
    nd_buf_init(&b);
    nd_buf_init(&path);
    size_t dl = strlen(dir);
    while (dl > 1 && dir[dl - 1] == '/') dl--;
    nd_buf_add(&tmp, dir, dl);
    nd_buf_adds(&tmp, ".tmp-XXXXXX");
    nd_status st = ND_OK;
    if (!mkdtemp(tmp.data)) {
        st = nd_fail(err, ND_ERR_IO, "cannot create a directory beside '%s': %s", dir, strerror(errno));
        goto out;
    }
    chmod(tmp.data, 0755);
    for (size_t i = 0; i < m->vocab.n; i++)
        nd_buf_addf(&b, "%s\t%u\n", nd_strmap_key(&m->vocab, i), m->vocab.values[i]);
    if ((st = write_file(tmp.data, "vocab.tsv", b.data, b.len, err))) goto fail;
    if (m->gaz.nregions &&
        (st = write_file(tmp.data, "gazetteer.tsv", m->gaz.source.data, m->gaz.source.len, err)))
        goto fail;
    if ((st = write_file(tmp.data, "README.md", readme_text, sizeof(readme_text) - 1, err))) goto fail;
    for (int t = 0; t < ND_NTASKS; t++) {
        const nd_linsvm *s = m->task[t];
        if (!s) continue;
        nd_buf_reset(&b);
        for (int i = 0; i < s->nclass; i++) nd_buf_addf(&b, "%s\n", s->labels[i]);
        nd_buf_reset(&path);
        nd_buf_addf(&path, "%s.labels", nd_task_name((nd_task)t));
        if ((st = write_file(tmp.data, path.data, b.data, b.len, err))) goto fail;
        if (s->prob_a) {
            nd_buf_reset(&b);
            for (int p = 0; p < s->npairs; p++) nd_buf_addf(&b, "%.17g %.17g\n", s->prob_a[p], s->prob_b[p]);
            nd_buf_reset(&path);
            nd_buf_addf(&path, "%s.platt", nd_task_name((nd_task)t));
            if ((st = write_file(tmp.data, path.data, b.data, b.len, err))) goto fail;
        }
        nd_buf_reset(&path);
        nd_buf_addf(&path, "%s/%s.svm", tmp.data, nd_task_name((nd_task)t));
        if (s->model) {
            if (svm_save_model(path.data, s->model) != 0) {
                st = nd_fail(err, ND_ERR_IO, "cannot write '%s'", path.data);
                goto fail;
            }
            if ((st = sync_path(path.data, err))) goto fail;
        } else {   /* loaded from the cache: the libsvm text it was folded from, as it was */
            nd_buf_reset(&path);
            nd_buf_addf(&path, "%s.svm", nd_task_name((nd_task)t));
            if ((st = nd_bundle_slurp(s->source, path.data, &b, 0, err))) goto fail;
            if (nd_hash(b.data, b.len) != s->source_hash) {
                st = nd_fail(err, ND_ERR_MODEL, "'%s/%s' changed since the bundle was loaded", s->source, path.data);
                goto fail;
            }
            if ((st = write_file(tmp.data, path.data, b.data, b.len, err))) goto fail;
        }
    }
    if (m->ex) {
        nd_buf_reset(&b);
        nd_extractor_write(m->ex, &b);
        if ((st = write_file(tmp.data, "blocks.model", b.data, b.len, err))) goto fail;
    }
    if (m->sum) {
        nd_buf_reset(&path);
        nd_buf_addf(&path, "%s/summary.svm", tmp.data);
        if (svm_save_model(path.data, m->sum->model) != 0) {
            st = nd_fail(err, ND_ERR_IO, "cannot write '%s'", path.data);
            goto fail;
        }
        if ((st = sync_path(path.data, err))) goto fail;
    }
    /* the manifest last: a checksum of every file read back as written, then one of itself */
    nd_buf_reset(&b);
    manifest(m, &b);
    {
        static const char *const files[] = { "vocab.tsv", "gazetteer.tsv", "topic.labels", "topic.platt", "topic.svm",
                                             "region.labels", "region.platt", "region.svm", "summary.svm", "blocks.model" };
        nd_buf f;
        nd_buf_init(&f);
        for (size_t i = 0; i < sizeof(files) / sizeof(files[0]) && !st; i++) {
            nd_status fs = nd_bundle_slurp(tmp.data, files[i], &f, 1, err);
            if (fs != ND_OK) {
                if (fs != ND_ERR_EMPTY) st = fs;
                continue;
            }
            uint64_t h = nd_hash(f.data, f.len);
            nd_buf_addf(&b, "checksum %s %016llx\n", files[i], (unsigned long long)h);
            /* the binary caches beside their text, keyed by this checksum (not in the manifest; rebuilt when missing) */
            nd_buf_reset(&path);
            if (!strcmp(files[i], "vocab.tsv")) {
                nd_buf_addf(&path, "%s/vocab.index", tmp.data);
                (void)nd_model_index_write(m, h, path.data);
            }
            for (int t = 0; t < ND_NTASKS; t++) {
                char svm[32];
                snprintf(svm, sizeof(svm), "%s.svm", nd_task_name((nd_task)t));
                if (!m->task[t] || strcmp(files[i], svm)) continue;
                nd_buf_addf(&path, "%s/%s.weights", tmp.data, nd_task_name((nd_task)t));
                (void)nd_linsvm_cache_write(m->task[t], h, path.data);
            }
        }
        nd_buf_release(&f);
        if (st) goto fail;
        nd_buf_addf(&b, "end %016llx\n", (unsigned long long)nd_hash(b.data, b.len));
    }
    if ((st = write_file(tmp.data, "manifest", b.data, b.len, err))) goto fail;
    if ((st = sync_path(tmp.data, err))) goto fail;
    struct stat sb;
    nd_buf_reset(&path);
    nd_buf_add(&path, dir, dl);
    if (stat(path.data, &sb) == 0) {
        if (!S_ISDIR(sb.st_mode)) {
            st = nd_fail(err, ND_ERR_IO, "'%s' exists and is not a directory", path.data);
            goto fail;
        }
        if (syscall(SYS_renameat2, AT_FDCWD, tmp.data, AT_FDCWD, path.data, RENAME_EXCHANGE) != 0) {
            st = nd_fail(err, ND_ERR_IO, "cannot replace '%s': %s", path.data, strerror(errno));
            goto fail;
        }
        remove_tree(tmp.data);   /* the old bundle, now under the temporary name */
    } else if (rename(tmp.data, path.data) != 0) {
        st = nd_fail(err, ND_ERR_IO, "cannot rename into '%s': %s", path.data, strerror(errno));
        goto fail;
    }
    goto out;
fail:
    remove_tree(tmp.data);
out:
    nd_buf_release(&tmp);
    nd_buf_release(&b);
    nd_buf_release(&path);
    return st;
}


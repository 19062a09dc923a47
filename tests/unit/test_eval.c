/* test_eval.c -- metrics by hand: confusion matrix, ROUGE-1/2/Lsum. */
#include "newsdesk.h"
#include "tap.h"

int main(void)
{
    nd_confusion *c = nd_confusion_new();
    /* gold a a a b b c ; pred a a b b c c */
    const char *g[] = { "a", "a", "a", "b", "b", "c" }, *p[] = { "a", "a", "b", "b", "c", "c" };
    for (int i = 0; i < 6; i++) nd_confusion_add(c, g[i], p[i]);
    is_int(nd_confusion_total(c), 6, "six documents");
    is_dbl(nd_confusion_accuracy(c), 4.0 / 6, 1e-12, "accuracy 4/6");
    /* a: P 1 R 2/3 F .8 ; b: P .5 R .5 F .5 ; c: P .5 R 1 F 2/3 */
    is_dbl(nd_confusion_macro_f1(c), (0.8 + 0.5 + 2.0 / 3) / 3, 1e-12, "macro-F1");
    nd_buf b;
    nd_buf_init(&b);
    nd_confusion_report(c, "topic", &b);
    ok(strstr(b.data, "accuracy 66.67%") != NULL, "report states the accuracy");
    ok(strstr(b.data, "  b        0.5000    0.5000    0.5000        2\n") != NULL, "report has per-label P/R/F1");
    nd_buf_release(&b);
    nd_confusion_free(c);

    nd_rouge r = nd_rouge_n("the cat sat", "the cat sat", 1);
    is_dbl(r.f, 1, 1e-12, "ROUGE-1 of identical texts is 1");
    r = nd_rouge_n("The cat!", "the cat sat on the mat", 1);
    is_dbl(r.p, 1, 1e-12, "ROUGE-1 precision 2/2");
    is_dbl(r.r, 2.0 / 6, 1e-12, "ROUGE-1 recall 2/6");
    is_dbl(r.f, 0.5, 1e-12, "ROUGE-1 F 0.5");
    r = nd_rouge_n("the cat", "the cat sat on the mat", 2);
    is_dbl(r.r, 0.2, 1e-12, "ROUGE-2 recall 1/5");
    is_dbl(r.f, 1.0 / 3, 1e-12, "ROUGE-2 F 1/3");
    r = nd_rouge_n("the the the", "the", 1);
    is_dbl(r.p, 1.0 / 3, 1e-12, "ROUGE-1 clips repeated words");
    r = nd_rouge_n("running dogs", "run dog", 1);
    is_dbl(r.f, 1, 1e-12, "words longer than 3 letters are stemmed");
    r = nd_rouge_n("ran", "run", 1);
    is_dbl(r.f, 0, 1e-12, "short words are not");
    r = nd_rouge_n("", "something", 1);
    is_dbl(r.f, 0, 1e-12, "empty candidate scores 0");
    r = nd_rouge_lsum("a b c\nd e", "a b d e");
    is_dbl(r.r, 1, 1e-12, "ROUGE-Lsum: the union of LCS hits over candidate sentences");
    is_dbl(r.p, 0.8, 1e-12, "ROUGE-Lsum precision 4/5");
    r = nd_rouge_lsum("a\na", "a a a");
    is_dbl(r.p, 0.5, 1e-12, "ROUGE-Lsum: the same reference word hit twice counts once (P)");
    is_dbl(r.r, 1.0 / 3, 1e-12, "ROUGE-Lsum: (R)");
    r = nd_rouge_lsum("a a", "a\na");
    is_dbl(r.f, 1, 1e-12, "ROUGE-Lsum: hits clipped by token counts");
    r = nd_rouge_lsum("w1 w2 w3\nw4", "w4 w1\nw2 w3");
    /* ref s1 [w4 w1]: LCS with [w1 w2 w3] -> w1; with [w4] -> w4: 2 hits. ref s2 [w2 w3]: 2 hits. */
    is_dbl(r.f, 1, 1e-12, "ROUGE-Lsum ignores sentence order");
    return done_testing();
}

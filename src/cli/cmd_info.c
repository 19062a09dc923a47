/* cmd_info.c -- newsdesk info: what a model bundle holds. */
#include "cli.h"

#include <stdio.h>   /* printf */
#include <string.h>  /* strcmp */

int cmd_info(int argc, char **argv)
{
    static const struct option longopts[] = {
        { "top", required_argument, NULL, 't' },
        { "format", required_argument, NULL, 'f' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    long top = 10;
    int json = 0;
    optind = 0;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
        switch (c) {
        case 'h':
            printf("usage: newsdesk info [--top N] [--format text|json] [MODEL]\n\n"
                   "Describes a model bundle (default: the default model): language, feature settings,\n"
                   "tasks, labels, chosen C, cross-validated accuracy, metrics, and the N terms that\n"
                   "weigh most for each label (default 10; 0 for none). --format json gives one JSON\n"
                   "object with stable keys (see the man page).\n\n"
                   "Example:\n  newsdesk info models/default\n");
            return cli_close_stdout();
        case 't':
            if (cli_parse_int(optarg, 0, 1000, &top)) return cli_usage_error("info", "--top wants 0..1000, not '%s'", optarg);
            break;
        case 'f':
            if (!strcmp(optarg, "json")) json = 1;
            else if (!strcmp(optarg, "text")) json = 0;
            else return cli_usage_error("info", "--format wants text or json, not '%s'", optarg);
            break;
        default: return cli_unknown_option("info", argv);
        }
    }
    if (argc - optind > 1) return cli_usage_error("info", "one model at a time");
    nd_model *m = cli_load_model("info", optind < argc ? argv[optind] : NULL);
    if (!m) return EXIT_FAIL;
    nd_buf b;
    nd_buf_init(&b);
    if (json) nd_model_describe_json(m, (size_t)top, &b);
    else nd_model_describe(m, (size_t)top, &b);
    cli_write(&b);
    nd_buf_release(&b);
    nd_model_free(m);
    return cli_close_stdout();
}

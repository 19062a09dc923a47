/*
 * main.c -- newsdesk's command table. Each command lives in its own file and
 * parses its own options; this file only dispatches.
 */
#include "cli.h"

#include <signal.h>  /* signal, SIGPIPE */
#include <stdio.h>   /* printf */
#include <string.h>  /* strcmp */

struct command {
    const char *name;
    int (*fn)(int argc, char **argv);
    const char *help;
};

static const struct command commands[] = {
    { "process", cmd_process, "topic + region + summary for every article (the main job)" },
    { "classify", cmd_classify, "topic + region only" },
    { "summarize", cmd_summarize, "summary only" },
    { "clean", cmd_clean, "the story alone: {\"id\", \"title\", \"text\"} (HTML pages or scraped text)" },
    { "train", cmd_train, "labelled corpus -> model bundle" },
    { "eval", cmd_eval, "labelled corpus -> accuracy, P/R/F1, confusion matrix, ROUGE" },
    { "info", cmd_info, "what a model bundle holds; top terms per label" },
};

static void usage(FILE *out)
{
    fprintf(out, "usage: newsdesk <command> [options] [FILE...]\n\n"
                 "Sorts and summarizes news: for every article its topic, its region and its key\n"
                 "sentences (TF-IDF, linear SVMs trained with libsvm, extractive summaries).\n\n"
                 "Commands:\n");
    for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
        fprintf(out, "  %-10s %s\n", commands[i].name, commands[i].help);
    fprintf(out, "\n'newsdesk <command> --help' describes a command. 'newsdesk --version' names the\n"
                 "libraries in use. Exit status: 0 all records done, 1 a failure or any record\n"
                 "error (the other records are still written), 2 a usage error.\n");
}

int main(int argc, char **argv)
{
    signal(SIGPIPE, SIG_DFL);   /* 'newsdesk ... | head' ends quietly */
    if (argc < 2) {
        usage(stderr);
        return EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h")) {
        usage(stdout);
        return cli_close_stdout();
    }
    if (!strcmp(cmd, "--version")) {
        printf("%s\n", nd_version_line());
        return cli_close_stdout();
    }
    if (!strcmp(cmd, "help")) {
        if (argc < 3) {
            usage(stdout);
            return cli_close_stdout();
        }
        cmd = argv[2];
        static char help_flag[] = "--help";
        char *hargv[] = { argv[2], help_flag, NULL };
        for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
            if (!strcmp(commands[i].name, cmd)) return commands[i].fn(2, hargv);
        fprintf(stderr, "newsdesk: '%s' is not a command. See 'newsdesk --help'.\n", cmd);
        return EXIT_USAGE;
    }
    for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
        if (!strcmp(commands[i].name, cmd)) return commands[i].fn(argc - 1, argv + 1);
    fprintf(stderr, "newsdesk: '%s' is not a command. See 'newsdesk --help'.\n", cmd);
    return EXIT_USAGE;
}

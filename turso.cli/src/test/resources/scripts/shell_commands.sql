-- .shell and .system: the command's output, and its failure status.
.shell echo hello from the shell
.system printf "%s-%s\n" "a b" c
.print between
.system exit 3
.print after

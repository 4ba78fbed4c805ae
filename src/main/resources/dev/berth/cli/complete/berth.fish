# fish completion for berth. `berth completion fish` prints this script; install.sh puts it where fish finds
# it. At each TAB it asks berth itself (berth __complete), so it offers verbs, flags, resource types, contexts,
# namespaces and the names of what runs on the cluster (kept a few seconds).
function __berth_complete
    set -l tokens (commandline -opc)
    set -l current (commandline -ct)
    set -l answers ($tokens[1] __complete -- $tokens[2..-1] $current 2>/dev/null)
    if test "$answers[1]" = ":files"
        __fish_complete_path $current
        return
    end
    printf '%s\n' $answers
end
complete -c berth -f -a '(__berth_complete)'

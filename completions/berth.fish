# fish completion for berth, generated from its command tree; do not edit.

function __berth_command --description 'The berth command the line is in'
    set -l tokens (commandline -opc)
    set -l path berth
    set -l skip 0
    for token in $tokens[2..-1]
        if test $skip = 1
            set skip 0
            continue
        end
        switch $token
            case '--cluster' '--context' '-o' '--output' '-n' '--namespace'
                set skip 1
            case '-*'
            case '*'
                if contains -- "$path $token" 'berth version' 'berth config' 'berth config get-contexts' 'berth config current-context' 'berth config use-context' 'berth config set-context' 'berth config delete-context' 'berth config view'
                    set path "$path $token"
                end
        end
    end
    echo $path
end

complete -c berth -f
complete -c berth -n 'test (__berth_command) = \'berth\'' -a 'version' -d 'Print the version and build commit of berth.'
complete -c berth -n 'test (__berth_command) = \'berth\'' -a 'config' -d 'Manage contexts: named cluster inventories with a default namespace.'
complete -c berth -n 'test (__berth_command) = \'berth\'' -l 'cluster' -r -F -d 'Cluster inventory file (overrides $BERTH_CLUSTER and contexts).'
complete -c berth -n 'test (__berth_command) = \'berth\'' -l 'context' -x -d 'Context to use instead of the current one.'
complete -c berth -n 'test (__berth_command) = \'berth\'' -s 'v' -l 'verbose' -d 'Explain more; print stack traces of errors.'
complete -c berth -n 'test (__berth_command) = \'berth\'' -l 'no-color' -d 'No colour, spinner or prompt (also when $NO_COLOR is set or stdout is not a terminal).'
complete -c berth -n 'test (__berth_command) = \'berth\'' -s 'o' -l 'output' -x -a 'wide json yaml name' -d 'Output format: wide, json, yaml or name (default: a table).'
complete -c berth -n 'test (__berth_command) = \'berth\'' -s 'h' -l 'help' -d 'Show this help message and exit.'
complete -c berth -n 'test (__berth_command) = \'berth\'' -s 'V' -l 'version' -d 'Print version information and exit.'
complete -c berth -n 'test (__berth_command) = \'berth version\'' -s 'h' -l 'help' -d 'Show this help message and exit.'
complete -c berth -n 'test (__berth_command) = \'berth version\'' -s 'V' -l 'version' -d 'Print version information and exit.'
complete -c berth -n 'test (__berth_command) = \'berth version\'' -l 'cluster' -r -F -d 'Cluster inventory file (overrides $BERTH_CLUSTER and contexts).'
complete -c berth -n 'test (__berth_command) = \'berth version\'' -l 'context' -x -d 'Context to use instead of the current one.'
complete -c berth -n 'test (__berth_command) = \'berth version\'' -s 'v' -l 'verbose' -d 'Explain more; print stack traces of errors.'
complete -c berth -n 'test (__berth_command) = \'berth version\'' -l 'no-color' -d 'No colour, spinner or prompt (also when $NO_COLOR is set or stdout is not a terminal).'
complete -c berth -n 'test (__berth_command) = \'berth version\'' -s 'o' -l 'output' -x -a 'wide json yaml name' -d 'Output format: wide, json, yaml or name (default: a table).'
complete -c berth -n 'test (__berth_command) = \'berth config\'' -a 'get-contexts' -d 'List the contexts; the current one is marked with *.'
complete -c berth -n 'test (__berth_command) = \'berth config\'' -a 'current-context' -d 'Print the name of the current context.'
complete -c berth -n 'test (__berth_command) = \'berth config\'' -a 'use-context' -d 'Make NAME the current context.'
complete -c berth -n 'test (__berth_command) = \'berth config\'' -a 'set-context' -d 'Create the context NAME, or change the fields given of an existing one.'
complete -c berth -n 'test (__berth_command) = \'berth config\'' -a 'delete-context' -d 'Delete the context NAME from the config file.'
complete -c berth -n 'test (__berth_command) = \'berth config\'' -a 'view' -d 'Print the config file as berth reads it: yaml, or json with -o json.'
complete -c berth -n 'test (__berth_command) = \'berth config\'' -s 'h' -l 'help' -d 'Show this help message and exit.'
complete -c berth -n 'test (__berth_command) = \'berth config\'' -s 'V' -l 'version' -d 'Print version information and exit.'
complete -c berth -n 'test (__berth_command) = \'berth config\'' -l 'cluster' -r -F -d 'Cluster inventory file (overrides $BERTH_CLUSTER and contexts).'
complete -c berth -n 'test (__berth_command) = \'berth config\'' -l 'context' -x -d 'Context to use instead of the current one.'
complete -c berth -n 'test (__berth_command) = \'berth config\'' -s 'v' -l 'verbose' -d 'Explain more; print stack traces of errors.'
complete -c berth -n 'test (__berth_command) = \'berth config\'' -l 'no-color' -d 'No colour, spinner or prompt (also when $NO_COLOR is set or stdout is not a terminal).'
complete -c berth -n 'test (__berth_command) = \'berth config\'' -s 'o' -l 'output' -x -a 'wide json yaml name' -d 'Output format: wide, json, yaml or name (default: a table).'
complete -c berth -n 'test (__berth_command) = \'berth config get-contexts\'' -s 'h' -l 'help' -d 'Show this help message and exit.'
complete -c berth -n 'test (__berth_command) = \'berth config get-contexts\'' -s 'V' -l 'version' -d 'Print version information and exit.'
complete -c berth -n 'test (__berth_command) = \'berth config get-contexts\'' -l 'cluster' -r -F -d 'Cluster inventory file (overrides $BERTH_CLUSTER and contexts).'
complete -c berth -n 'test (__berth_command) = \'berth config get-contexts\'' -l 'context' -x -d 'Context to use instead of the current one.'
complete -c berth -n 'test (__berth_command) = \'berth config get-contexts\'' -s 'v' -l 'verbose' -d 'Explain more; print stack traces of errors.'
complete -c berth -n 'test (__berth_command) = \'berth config get-contexts\'' -l 'no-color' -d 'No colour, spinner or prompt (also when $NO_COLOR is set or stdout is not a terminal).'
complete -c berth -n 'test (__berth_command) = \'berth config get-contexts\'' -s 'o' -l 'output' -x -a 'wide json yaml name' -d 'Output format: wide, json, yaml or name (default: a table).'
complete -c berth -n 'test (__berth_command) = \'berth config current-context\'' -s 'h' -l 'help' -d 'Show this help message and exit.'
complete -c berth -n 'test (__berth_command) = \'berth config current-context\'' -s 'V' -l 'version' -d 'Print version information and exit.'
complete -c berth -n 'test (__berth_command) = \'berth config current-context\'' -l 'cluster' -r -F -d 'Cluster inventory file (overrides $BERTH_CLUSTER and contexts).'
complete -c berth -n 'test (__berth_command) = \'berth config current-context\'' -l 'context' -x -d 'Context to use instead of the current one.'
complete -c berth -n 'test (__berth_command) = \'berth config current-context\'' -s 'v' -l 'verbose' -d 'Explain more; print stack traces of errors.'
complete -c berth -n 'test (__berth_command) = \'berth config current-context\'' -l 'no-color' -d 'No colour, spinner or prompt (also when $NO_COLOR is set or stdout is not a terminal).'
complete -c berth -n 'test (__berth_command) = \'berth config current-context\'' -s 'o' -l 'output' -x -a 'wide json yaml name' -d 'Output format: wide, json, yaml or name (default: a table).'
complete -c berth -n 'test (__berth_command) = \'berth config use-context\'' -s 'h' -l 'help' -d 'Show this help message and exit.'
complete -c berth -n 'test (__berth_command) = \'berth config use-context\'' -s 'V' -l 'version' -d 'Print version information and exit.'
complete -c berth -n 'test (__berth_command) = \'berth config use-context\'' -l 'cluster' -r -F -d 'Cluster inventory file (overrides $BERTH_CLUSTER and contexts).'
complete -c berth -n 'test (__berth_command) = \'berth config use-context\'' -l 'context' -x -d 'Context to use instead of the current one.'
complete -c berth -n 'test (__berth_command) = \'berth config use-context\'' -s 'v' -l 'verbose' -d 'Explain more; print stack traces of errors.'
complete -c berth -n 'test (__berth_command) = \'berth config use-context\'' -l 'no-color' -d 'No colour, spinner or prompt (also when $NO_COLOR is set or stdout is not a terminal).'
complete -c berth -n 'test (__berth_command) = \'berth config use-context\'' -s 'o' -l 'output' -x -a 'wide json yaml name' -d 'Output format: wide, json, yaml or name (default: a table).'
complete -c berth -n 'test (__berth_command) = \'berth config set-context\'' -s 'n' -l 'namespace' -x -d 'Namespace the verbs use in this context when none is given.'
complete -c berth -n 'test (__berth_command) = \'berth config set-context\'' -s 'h' -l 'help' -d 'Show this help message and exit.'
complete -c berth -n 'test (__berth_command) = \'berth config set-context\'' -s 'V' -l 'version' -d 'Print version information and exit.'
complete -c berth -n 'test (__berth_command) = \'berth config set-context\'' -l 'cluster' -r -F -d 'Cluster inventory file (overrides $BERTH_CLUSTER and contexts).'
complete -c berth -n 'test (__berth_command) = \'berth config set-context\'' -l 'context' -x -d 'Context to use instead of the current one.'
complete -c berth -n 'test (__berth_command) = \'berth config set-context\'' -s 'v' -l 'verbose' -d 'Explain more; print stack traces of errors.'
complete -c berth -n 'test (__berth_command) = \'berth config set-context\'' -l 'no-color' -d 'No colour, spinner or prompt (also when $NO_COLOR is set or stdout is not a terminal).'
complete -c berth -n 'test (__berth_command) = \'berth config set-context\'' -s 'o' -l 'output' -x -a 'wide json yaml name' -d 'Output format: wide, json, yaml or name (default: a table).'
complete -c berth -n 'test (__berth_command) = \'berth config delete-context\'' -s 'h' -l 'help' -d 'Show this help message and exit.'
complete -c berth -n 'test (__berth_command) = \'berth config delete-context\'' -s 'V' -l 'version' -d 'Print version information and exit.'
complete -c berth -n 'test (__berth_command) = \'berth config delete-context\'' -l 'cluster' -r -F -d 'Cluster inventory file (overrides $BERTH_CLUSTER and contexts).'
complete -c berth -n 'test (__berth_command) = \'berth config delete-context\'' -l 'context' -x -d 'Context to use instead of the current one.'
complete -c berth -n 'test (__berth_command) = \'berth config delete-context\'' -s 'v' -l 'verbose' -d 'Explain more; print stack traces of errors.'
complete -c berth -n 'test (__berth_command) = \'berth config delete-context\'' -l 'no-color' -d 'No colour, spinner or prompt (also when $NO_COLOR is set or stdout is not a terminal).'
complete -c berth -n 'test (__berth_command) = \'berth config delete-context\'' -s 'o' -l 'output' -x -a 'wide json yaml name' -d 'Output format: wide, json, yaml or name (default: a table).'
complete -c berth -n 'test (__berth_command) = \'berth config view\'' -s 'h' -l 'help' -d 'Show this help message and exit.'
complete -c berth -n 'test (__berth_command) = \'berth config view\'' -s 'V' -l 'version' -d 'Print version information and exit.'
complete -c berth -n 'test (__berth_command) = \'berth config view\'' -l 'cluster' -r -F -d 'Cluster inventory file (overrides $BERTH_CLUSTER and contexts).'
complete -c berth -n 'test (__berth_command) = \'berth config view\'' -l 'context' -x -d 'Context to use instead of the current one.'
complete -c berth -n 'test (__berth_command) = \'berth config view\'' -s 'v' -l 'verbose' -d 'Explain more; print stack traces of errors.'
complete -c berth -n 'test (__berth_command) = \'berth config view\'' -l 'no-color' -d 'No colour, spinner or prompt (also when $NO_COLOR is set or stdout is not a terminal).'
complete -c berth -n 'test (__berth_command) = \'berth config view\'' -s 'o' -l 'output' -x -a 'wide json yaml name' -d 'Output format: wide, json, yaml or name (default: a table).'

# bash completion for berth. `berth completion bash` prints this script; install.sh puts it where
# bash-completion finds it. At each TAB it asks berth itself (berth __complete), so it offers verbs, flags,
# resource types, contexts, namespaces and the names of what runs on the cluster (kept a few seconds).
_berth_complete() {
    local line="${COMP_LINE:0:COMP_POINT}"
    local -a words
    read -r -a words <<< "$line"
    if [[ -z "$line" || "$line" =~ [[:space:]]$ ]]; then
        words+=("")
    fi
    local cur="${words[${#words[@]}-1]}"
    local answers
    answers=$("${words[0]}" __complete -- "${words[@]:1}" 2>/dev/null) || return 0
    if [[ "$answers" == ":files" ]]; then
        local IFS=$'\n'
        COMPREPLY=($(compgen -f -- "$cur"))
        return 0
    fi
    # bash replaces only the part of the word after its last = or : (COMP_WORDBREAKS)
    local prefix="${cur%"${cur##*[=:]}"}"
    local answer
    COMPREPLY=()
    while IFS= read -r answer; do
        [[ -n "$answer" ]] || continue
        answer="${answer%%$'\t'*}"
        COMPREPLY+=("${answer#"$prefix"}")
    done <<< "$answers"
}
complete -o nosort -F _berth_complete berth

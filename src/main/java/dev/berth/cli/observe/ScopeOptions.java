package dev.berth.cli.observe;

import dev.berth.model.LabelSelector;
import dev.berth.model.SelectorSyntax;
import picocli.CommandLine.Option;

import java.util.List;

/** {@code -n}, {@code -A} and {@code -l}, shared by the verbs that show pods. */
public final class ScopeOptions {

    @Option(names = {"-n", "--namespace"}, paramLabel = "NS",
            description = "Namespace of pods (default: the context's, else default).")
    String namespace;

    @Option(names = {"-A", "--all-namespaces"}, description = "Pods of every namespace.")
    boolean allNamespaces;

    @Option(names = {"-l", "--selector"}, paramLabel = "SELECTOR",
            description = "Label selector, e.g. app=web,tier!=db or 'env in (prod,staging)'.")
    String selector;

    /** The selector, read before any server is asked so a bad one fails first. */
    public LabelSelector labels() {
        return selector == null ? null : SelectorSyntax.parse(selector);
    }

    public boolean namespaced() {
        return allNamespaces || namespace != null;
    }

    public PodFilter pods(String contextNamespace, List<String> names) {
        return new PodFilter(namespace != null ? namespace : contextNamespace, allNamespaces, labels(), names);
    }
}

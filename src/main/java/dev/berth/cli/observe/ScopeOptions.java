package dev.berth.cli.observe;

import dev.berth.model.LabelSelector;
import dev.berth.model.SelectorSyntax;
import picocli.CommandLine.Option;

import java.util.List;

/** {@code -A} and {@code -l}, shared by the verbs that show pods; {@code -n} is a global option. */
public final class ScopeOptions {

    @Option(names = {"-A", "--all-namespaces"}, description = "Pods of every namespace.")
    boolean allNamespaces;

    @Option(names = {"-l", "--selector"}, paramLabel = "SELECTOR",
            description = "Label selector, e.g. app=web,tier!=db or 'env in (prod,staging)'.")
    String selector;

    /** The selector, read before any server is asked so a bad one fails first. */
    public LabelSelector labels() {
        return selector == null ? null : SelectorSyntax.parse(selector);
    }

    /** Pods of {@code namespace} (the run's: {@code -n}, else the context's, else default), unless {@code -A}. */
    public PodFilter pods(String namespace, List<String> names) {
        return new PodFilter(namespace, allNamespaces, labels(), names);
    }
}

package dev.berth.cli;

import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/**
 * Creates what picocli needs for one run, as its default factory does, and hands every verb the run's
 * environment and global options: the way a verb learns of them without knowing which command is the root.
 */
final class VerbFactory implements IFactory {
    private final Environment environment;
    private final GlobalOptions global;

    VerbFactory(Environment environment, GlobalOptions global) {
        this.environment = environment;
        this.global = global;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        K created = CommandLine.defaultFactory().create(type);
        if (created instanceof BaseCommand verb) {
            verb.join(environment, global);
        }
        return created;
    }
}

package dev.berth.cli.config;

import dev.berth.cli.BaseCommand;
import dev.berth.config.BerthConfig;
import dev.berth.config.ConfigStore;
import dev.berth.config.Context;
import dev.berth.config.UnknownContextException;

/** What the {@code berth config} verbs share: the user's config store. */
abstract class ConfigVerb extends BaseCommand {

    protected ConfigStore store() {
        return ConfigStore.forUser(environment().variable("XDG_CONFIG_HOME"), environment().home());
    }

    protected static Context existing(BerthConfig config, String name) {
        return config.context(name).orElseThrow(() -> new UnknownContextException(name, config.names()));
    }

    protected void say(String line) {
        out().println(line);
        out().flush();
    }
}

package dev.berth.cli.lab;

import dev.berth.cli.BaseCommand;
import dev.berth.config.ConfigStore;
import dev.berth.lab.LabControl;
import dev.berth.lab.LabFiles;
import dev.berth.lab.LabName;
import dev.berth.lab.LocalProcess;
import picocli.CommandLine.Option;

/** What the lab verbs share: the lab's name and a way to control it, with progress on stderr. */
abstract class LabVerb extends BaseCommand {

    @Option(names = "--name", paramLabel = "NAME", defaultValue = "lab",
            description = "Which lab (default: ${DEFAULT-VALUE}); several labs can run side by side.")
    String name;

    protected LabName lab() {
        return new LabName(name);
    }

    protected LabFiles files() {
        return LabFiles.of(environment().variables(), environment().home(), lab());
    }

    protected LabControl control() {
        return new LabControl(lab(), files(), new LocalProcess(), environment().variables(), line -> {
            err().println(line);
            err().flush();
        });
    }

    protected ConfigStore configStore() {
        return ConfigStore.forUser(environment().variable("XDG_CONFIG_HOME"), environment().home());
    }

    protected void progress(String line) {
        err().println(line);
        err().flush();
    }

    /** The option that names this lab again, for hints; empty for the default lab. */
    protected String nameOption() {
        return name.equals("lab") ? "" : " --name " + name;
    }
}

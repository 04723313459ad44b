package dev.rewind.cli;

import dev.rewind.domain.RolesSetup;
import dev.rewind.service.Services;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "admin", description = "Set up a team catalog on PostgreSQL.", subcommands = AdminCommand.InitRoles.class)
final class AdminCommand extends CommandGroup {
    @ParentCommand
    RewindCommand root;

    @Command(name = "init-roles", description = {"Create the roles rewind_reader (browse), rewind_editor (register,"
            + " tag), rewind_deployer (move unprotected targets) and rewind_releaser (also move protected targets,"
            + " change protection, guards and checks), each including the one before, and grant them this catalog.",
            "The server enforces them, also for psql. Run it as the catalog's owner with CREATEROLE, or as a"
            + " superuser; running it again, or for another catalog of the same cluster, is safe.",
            "A PostgreSQL catalog only."})
    static final class InitRoles implements Callable<Integer> {
        @ParentCommand
        AdminCommand parent;

        @Override
        public Integer call() {
            RewindCommand root = parent.root;
            try (Services services = root.open(false)) {
                RolesSetup done = services.initRoles();
                if (!done.created().isEmpty()) {
                    root.out.println("created roles " + String.join(", ", done.created()));
                }
                if (!done.existing().isEmpty()) {
                    root.out.println("roles already there: " + String.join(", ", done.existing()));
                }
                root.out.println("granted them catalog " + done.catalog());
                root.out.println("next: give people a role, e.g. in psql: GRANT rewind_deployer TO alice;");
            }
            return 0;
        }
    }
}

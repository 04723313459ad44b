package dev.rewind.domain;

import java.util.List;

/** What {@code rewind admin init-roles} did: the roles it created (the others existed) and the catalog it granted. */
public record RolesSetup(String catalog, List<String> created, List<String> existing) {
    public static final List<String> ROLES = List.of("rewind_reader", "rewind_editor", "rewind_deployer",
            "rewind_releaser");

    public RolesSetup {
        created = List.copyOf(created);
        existing = List.copyOf(existing);
    }
}

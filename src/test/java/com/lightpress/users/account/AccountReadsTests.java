package com.lightpress.users.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.lightpress.testing.EmbeddedServersInitializer;
import com.lightpress.users.Role;
import com.lightpress.users.UserId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/** The one-statement read gives the same account as Spring Data's own, every field and role. */
@ApplicationModuleTest(extraIncludes = "platform")
@ContextConfiguration(initializers = EmbeddedServersInitializer.class)
@TestPropertySource(properties = "lightpress.users.bootstrap-admins=reads@lightpress.test")
class AccountReadsTests {

    @Autowired
    AccountManagement accounts;

    @Autowired
    AccountRepository repository;

    @Test
    void readsWhatFindByIdReads() {
        var id = new UserId(UUID.randomUUID());
        accounts.register(id, "reads@lightpress.test", "Reads");
        accounts.confirmEmail(id);
        var version = accounts.current(id).version();
        accounts.updateProfile(
                id, version, new ProfileChanges("Ada Reads", "https://images.example.com/ada.png", "en-GB", null));

        var read = repository.read(id).orElseThrow();

        assertThat(read.toView().roles()).containsExactlyInAnyOrder(Role.ADMIN, Role.USER);
        assertThat(read.toView().avatarUrl()).isEqualTo("https://images.example.com/ada.png");
        assertThat(read)
                .usingRecursiveComparison()
                .ignoringFields("domainEvents")
                .ignoringCollectionOrder()
                .isEqualTo(repository.findById(id).orElseThrow());
        assertThat(repository.read(new UserId(UUID.randomUUID()))).isEmpty();
    }
}

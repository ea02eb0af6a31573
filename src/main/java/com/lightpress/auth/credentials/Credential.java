package com.lightpress.auth.credentials;

import com.lightpress.users.UserId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** What a user proves their identity with: a normalized email and a password hash. */
@Table(schema = "auth", name = "credentials")
class Credential {

    @Id
    private final UserId id;

    private final String email;
    private String passwordHash;
    private boolean emailVerified;
    private final Instant createdAt;

    @Version
    private @Nullable Long version;

    @PersistenceCreator
    Credential(
            UserId id,
            String email,
            String passwordHash,
            boolean emailVerified,
            Instant createdAt,
            @Nullable Long version) {
        this.id = id;
        this.email = email;
        this.passwordHash = passwordHash;
        this.emailVerified = emailVerified;
        this.createdAt = createdAt;
        this.version = version;
    }

    static Credential create(UserId id, String email, String passwordHash, Instant now) {
        return new Credential(id, email, passwordHash, false, now, null);
    }

    UserId id() {
        return id;
    }
}

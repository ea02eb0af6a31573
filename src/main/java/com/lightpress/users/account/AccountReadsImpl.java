package com.lightpress.users.account;

import com.lightpress.users.AccountStatus;
import com.lightpress.users.Role;
import com.lightpress.users.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link AccountReads} in plain JDBC; Spring Data finds it by its name next to the repository. */
class AccountReadsImpl implements AccountReads {

    private static final String BY_ID = """
            SELECT id, email, email_confirmed, display_name, avatar_url, locale, time_zone, status,
                   created_at, updated_at, version,
                   ARRAY(SELECT role FROM users.account_roles WHERE account_id = a.id) AS roles
            FROM users.accounts a
            WHERE id = ?
            """;

    private final JdbcClient jdbc;

    AccountReadsImpl(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Account> read(UserId id) {
        return jdbc.sql(BY_ID)
                .param(id.value())
                .query(AccountReadsImpl::account)
                .optional();
    }

    private static Account account(ResultSet row, int number) throws SQLException {
        var grants = new HashSet<RoleGrant>();
        for (var role : (String[]) row.getArray("roles").getArray()) {
            grants.add(new RoleGrant(Role.valueOf(role)));
        }
        return new Account(
                new UserId(row.getObject("id", UUID.class)),
                row.getString("email"),
                row.getBoolean("email_confirmed"),
                row.getString("display_name"),
                row.getString("avatar_url"),
                row.getString("locale"),
                row.getString("time_zone"),
                AccountStatus.valueOf(row.getString("status")),
                grants,
                instant(row, "created_at"),
                instant(row, "updated_at"),
                row.getLong("version"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class).toInstant();
    }
}

package dev.onlineddl.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServerAccountsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "11.4.5-MariaDB-log                 | READ_ONLY ADMIN",
            "10.11.6-MariaDB-0+deb12u1-log      | READ_ONLY ADMIN",
            "10.6.18-MariaDB                    | SUPER",
            "5.5.5-10.3.39-MariaDB              | SUPER",
            "8.0.40                             | SUPER,CONNECTION_ADMIN",
            "8.4.3                              | SUPER,CONNECTION_ADMIN",
            "5.7.44-log                         | SUPER",
    })
    void knowsWhichPrivilegesIgnoreReadOnly(String version, String privileges) {
        assertThat(ServerAccounts.readOnlyBypassPrivileges(version)).isEqualTo(Arrays.asList(privileges.split(",")));
    }

    @Test
    void generatesDifferentPasswordsThatNeedNoQuoting() {
        SecureRandom random = new SecureRandom();
        List<Credentials> accounts = List.of(Credentials.withGeneratedPassword("a", random),
                Credentials.withGeneratedPassword("a", random));

        assertThat(accounts).allSatisfy(account -> assertThat(account.password()).matches("[A-Za-z0-9]{24}"));
        assertThat(accounts.get(0).password()).isNotEqualTo(accounts.get(1).password());
        assertThat(accounts.get(0).toString()).contains("a").doesNotContain(accounts.get(0).password());
    }
}

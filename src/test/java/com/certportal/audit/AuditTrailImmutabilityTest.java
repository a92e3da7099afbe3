package com.certportal.audit;

import static com.certportal.support.Fixtures.PaymentChoice.card;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.certportal.catalog.Product;
import com.certportal.support.ActionIntegrationTest;
import com.certportal.support.Fixtures.TestAccount;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/** T1 on PostgreSQL: the trail is append-only in the database itself, whatever the application does. */
class AuditTrailImmutabilityTest extends ActionIntegrationTest {

    @Autowired
    private JdbcTemplate jdbc;

    private AuditRecord record;

    @BeforeEach
    void aCancellationInTheTrail() {
        TestAccount account = fixtures.newAccount();
        String order = fixtures.pending(account.user(), Product.TLS_DV, "trail-guard.example.com", card());
        assertThat(post(account.user(), "/orders/" + order + "/cancel", "version", version(order)))
                .hasStatus3xxRedirection();
        record = history(order, AuditAction.ORDER_CANCELED).get(0);
    }

    @Test
    void anUpdateOfAnAuditRecordFailsAndLeavesItAsItWas_T1() {
        assertThatThrownBy(() -> jdbc.update(
                        "update audit_record set comment = 'rewritten', outcome = 'REFUSED' where id = ?",
                        record.getId()))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");

        AuditRecord after = auditRecords.findById(record.getId()).orElseThrow();
        assertThat(after.getOutcome()).isEqualTo(AuditRecord.Outcome.DONE);
        assertThat(after.getComment()).isEqualTo(record.getComment());
    }

    @Test
    void aDeleteOfAnAuditRecordFailsAndTheRecordStays_T1() {
        assertThatThrownBy(() -> jdbc.update("delete from audit_record where id = ?", record.getId()))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");

        assertThat(auditRecords.existsById(record.getId())).isTrue();
    }

    @Test
    void aDeleteOfAWholeAccountsTrailFailsToo_T1() {
        Long accountId = record.getAccountId();
        Long before =
                jdbc.queryForObject("select count(*) from audit_record where account_id = ?", Long.class, accountId);

        assertThatThrownBy(() -> jdbc.update("delete from audit_record where account_id = ?", accountId))
                .isInstanceOf(DataAccessException.class);

        assertThat(jdbc.queryForObject("select count(*) from audit_record where account_id = ?", Long.class, accountId))
                .isEqualTo(before)
                .isPositive();
    }
}

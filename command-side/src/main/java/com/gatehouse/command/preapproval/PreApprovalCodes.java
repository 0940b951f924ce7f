package com.gatehouse.command.preapproval;

import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.preapproval.PreApprovalId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.util.Optional;
import java.util.UUID;

/**
 * The command side's lookup of pre-approval entry codes (table {@code preapproval_code}): hands out a
 * 6-digit code unique among the society's active pre-approvals, releases it when the pre-approval ends, and
 * finds the pre-approval a guard's typed code stands for. Written by the {@link PreApproval} aggregate inside
 * its unit of work's transaction, so a refused or failed command leaves no trace here.
 */
@Component
public class PreApprovalCodes {

    static final int ATTEMPTS = 50;

    private final JdbcTemplate jdbc;
    private final SecureRandom random = new SecureRandom();

    public PreApprovalCodes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A new code for this pre-approval (the one it already has, when a retried creation comes again). */
    String allocate(PreApprovalId id, SocietyId society) {
        var existing = jdbc.queryForList("select code from preapproval_code where pre_approval_id = ?", String.class,
                id.value());
        if (!existing.isEmpty()) {
            return existing.get(0);
        }
        for (int i = 0; i < ATTEMPTS; i++) {
            String code = String.format("%06d", 100_000 + random.nextInt(900_000));
            int inserted = jdbc.update("""
                    insert into preapproval_code (pre_approval_id, society_id, code, active) values (?, ?, ?, true)
                    on conflict do nothing""", id.value(), society.value(), code);
            if (inserted == 1) {
                return code;
            }
        }
        throw new IllegalStateException("No free entry code after " + ATTEMPTS + " attempts");
    }

    /** The pre-approval ended: its code no longer admits anyone and may be given out again. */
    void release(PreApprovalId id) {
        jdbc.update("update preapproval_code set active = false, released_at = now() where pre_approval_id = ? and active",
                id.value());
    }

    /** The pre-approval a code names in a society: the active one, else the one that held it last. */
    public Optional<PreApprovalId> find(SocietyId society, String code) {
        return jdbc.query("""
                        select pre_approval_id from preapproval_code where society_id = ? and code = ?
                        order by active desc, released_at desc nulls first limit 1""",
                (rs, i) -> new PreApprovalId(rs.getObject(1, UUID.class)), society.value(), code).stream().findFirst();
    }
}

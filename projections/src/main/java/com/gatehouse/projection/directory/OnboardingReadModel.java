package com.gatehouse.projection.directory;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gatehouse.api.common.PageRequest;
import com.gatehouse.api.directory.DocumentType;
import com.gatehouse.api.directory.OnboardingStatus;
import com.gatehouse.api.directory.OnboardingViews.HistoryEntry;
import com.gatehouse.api.directory.OnboardingViews.OnboardingRequestView;
import com.gatehouse.api.directory.OnboardingViews.RequestDocument;
import com.gatehouse.api.directory.ResidentType;
import com.gatehouse.projection.common.Paging;
import com.gatehouse.projection.common.Where;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Onboarding requests, written by {@link OnboardingProjection}, read by the query side. */
@Repository
public class OnboardingReadModel {

    private static final String SELECT = """
            select r.*, u.name as applicant_name, u.phone as applicant_phone, f.number as flat_number
            from onboarding_request r left join directory_user u on u.id = r.user_id
            left join directory_flat f on f.id = r.flat_id""";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final RowMapper<OnboardingRequestView> request;

    public OnboardingReadModel(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.request = (rs, i) -> new OnboardingRequestView(rs.getObject("id", UUID.class),
                rs.getObject("user_id", UUID.class), rs.getString("applicant_name"), rs.getString("applicant_phone"),
                rs.getObject("society_id", UUID.class), rs.getString("block"), rs.getObject("flat_id", UUID.class),
                rs.getString("flat_number"), ResidentType.valueOf(rs.getString("resident_type")),
                OnboardingStatus.valueOf(rs.getString("status")),
                read(rs.getString("documents"), new TypeReference<List<RequestDocument>>() {
                }), rs.getString("rejection_reason"), rs.getString("resubmit_reason"),
                read(rs.getString("documents_to_resubmit"), new TypeReference<List<DocumentType>>() {
                }), rs.getInt("resubmission_count"), instant(rs, "submitted_at"),
                rs.getObject("reviewed_by", UUID.class), instant(rs, "reviewed_at"), instant(rs, "updated_at"),
                rs.getLong("version"));
    }

    public Optional<OnboardingRequestView> request(UUID id) {
        return jdbc.query(SELECT + " where r.id = ?", request, id).stream().findFirst();
    }

    /** The user's latest request, if any. */
    public Optional<OnboardingRequestView> latestOf(UUID userId) {
        return jdbc.query(SELECT + " where r.user_id = ? order by r.submitted_at desc limit 1", request, userId)
                .stream().findFirst();
    }

    /** A society's requests of one status (and resident type, if given), newest first (the contract's list order). */
    public PageRequest.Slice<OnboardingRequestView> ofSociety(UUID societyId, OnboardingStatus status,
                                                              ResidentType type, PageRequest page) {
        return Paging.slice(jdbc, "(" + SELECT + ") as q",
                Where.is("society_id", societyId).and("status = ?", status.name())
                        .and("resident_type = ?", type == null ? null : type.name()),
                "submitted_at desc, id", request, page);
    }

    public List<HistoryEntry> history(UUID requestId) {
        return jdbc.query("""
                        select h.*, u.name as performer_name, u.role as performer_role from onboarding_history h
                        left join directory_user u on u.id = h.performed_by where h.request_id = ? order by h.version""",
                (rs, i) -> new HistoryEntry(rs.getString("action"), rs.getObject("performed_by", UUID.class),
                        rs.getString("performer_name"), rs.getString("performer_role"),
                        rs.getString("previous_status") == null ? null
                                : OnboardingStatus.valueOf(rs.getString("previous_status")),
                        OnboardingStatus.valueOf(rs.getString("new_status")), rs.getString("notes"),
                        read(rs.getString("metadata"), new TypeReference<List<DocumentType>>() {
                        }), instant(rs, "at")), requestId);
    }

    private <T> T read(String value, TypeReference<T> type) {
        if (value == null) {
            return null;
        }
        try {
            return json.readValue(value, type);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}

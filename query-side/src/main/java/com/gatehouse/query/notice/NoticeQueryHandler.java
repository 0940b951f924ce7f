package com.gatehouse.query.notice;

import com.gatehouse.api.notice.NoticeQuery.FindNotice;
import com.gatehouse.api.notice.NoticeView;
import com.gatehouse.projection.notice.NoticeReadModel;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Answers the notice board's queries from its read model. */
@Component
public class NoticeQueryHandler {

    private final NoticeReadModel notices;

    public NoticeQueryHandler(NoticeReadModel notices) {
        this.notices = notices;
    }

    @QueryHandler
    public Optional<NoticeView> handle(FindNotice query) {
        return notices.find(query.noticeId());
    }
}

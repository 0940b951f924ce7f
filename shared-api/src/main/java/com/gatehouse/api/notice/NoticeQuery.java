package com.gatehouse.api.notice;

import com.gatehouse.api.common.ReadModel;
import java.util.UUID;

/** Questions about notices, answered by the query side. */
public sealed interface NoticeQuery {

    /** Answers {@code Optional<NoticeView>} (deleted notices are gone); updates carry the changed notice. */
    @ReadModel("notices")
    record FindNotice(UUID noticeId) implements NoticeQuery {
    }
}

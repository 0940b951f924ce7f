package com.gatehouse.query.privacy;

import com.gatehouse.api.privacy.PrivacyQuery.FindRetention;
import com.gatehouse.api.privacy.PrivacyViews.Defaults;
import com.gatehouse.api.privacy.PrivacyViews.RetentionView;
import com.gatehouse.api.privacy.RetentionSettings;
import com.gatehouse.projection.privacy.PrivacySettingsReadModel;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.UUID;

/**
 * A society's retention in force: its own settings (read model {@code privacy-settings}) over the installation's
 * ({@link RetentionSettings}), in days.
 */
@Component
public class PrivacySettingsQueryHandler {

    private final PrivacySettingsReadModel readModel;
    private final Defaults defaults;

    public PrivacySettingsQueryHandler(PrivacySettingsReadModel readModel,
                                       @Value(RetentionSettings.VISITOR) Duration visitor,
                                       @Value(RetentionSettings.ENTRY_PHOTO) Duration entryPhoto,
                                       @Value(RetentionSettings.DEACTIVATED) Duration deactivated) {
        this.readModel = readModel;
        this.defaults = new Defaults(visitor.toDays(), entryPhoto.toDays(), deactivated.toDays());
    }

    @QueryHandler
    public RetentionView handle(FindRetention query) {
        return retention(query.societyId());
    }

    public RetentionView retention(UUID society) {
        var own = readModel.retention(society).orElse(null);
        if (own == null) {
            return new RetentionView(society, defaults.visitorRetentionDays(), defaults.entryPhotoRetentionDays(),
                    defaults.deactivatedRetentionDays(), defaults, null, null);
        }
        return new RetentionView(society, or(own.visitorDays(), defaults.visitorRetentionDays()),
                or(own.entryPhotoDays(), defaults.entryPhotoRetentionDays()),
                or(own.deactivatedDays(), defaults.deactivatedRetentionDays()), defaults, own.changedBy(),
                own.changedAt());
    }

    private static long or(Integer days, long otherwise) {
        return days == null ? otherwise : days;
    }
}

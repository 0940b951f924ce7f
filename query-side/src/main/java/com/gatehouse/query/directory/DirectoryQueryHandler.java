package com.gatehouse.query.directory;

import com.gatehouse.api.common.Role;
import com.gatehouse.api.directory.DirectoryQuery.FindActiveResidentsOfBlock;
import com.gatehouse.api.directory.DirectoryQuery.FindActiveResidentsOfFlat;
import com.gatehouse.api.directory.DirectoryQuery.FindActiveUsersOfSociety;
import com.gatehouse.api.directory.DirectoryQuery.FindFlat;
import com.gatehouse.api.directory.DirectoryQuery.FindSociety;
import com.gatehouse.api.directory.DirectoryQuery.FindUser;
import com.gatehouse.api.directory.DirectoryViews.FlatView;
import com.gatehouse.api.directory.DirectoryViews.SocietyView;
import com.gatehouse.api.directory.DirectoryViews.UserView;
import com.gatehouse.api.directory.DirectoryQuery.FindOnboardingRequest;
import com.gatehouse.api.directory.OnboardingViews.OnboardingRequestView;
import com.gatehouse.projection.directory.DirectoryReadModel;
import com.gatehouse.projection.directory.OnboardingReadModel;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/** Answers the directory's queries from its read model. */
@Component
public class DirectoryQueryHandler {

    private final DirectoryReadModel readModel;
    private final OnboardingReadModel onboarding;

    public DirectoryQueryHandler(DirectoryReadModel readModel, OnboardingReadModel onboarding) {
        this.readModel = readModel;
        this.onboarding = onboarding;
    }

    @QueryHandler
    public Optional<OnboardingRequestView> handle(FindOnboardingRequest query) {
        return onboarding.request(query.requestId());
    }

    @QueryHandler
    public Optional<SocietyView> handle(FindSociety query) {
        return readModel.society(query.societyId());
    }

    @QueryHandler
    public Optional<FlatView> handle(FindFlat query) {
        return readModel.flat(query.flatId());
    }

    @QueryHandler
    public Optional<UserView> handle(FindUser query) {
        return readModel.user(query.userId());
    }

    @QueryHandler
    public List<UserView> handle(FindActiveResidentsOfFlat query) {
        return readModel.activeResidentsOfFlat(query.flatId());
    }

    @QueryHandler
    public List<UserView> handle(FindActiveUsersOfSociety query) {
        return readModel.activeUsersOfSociety(query.societyId(), query.roles().toArray(Role[]::new));
    }

    @QueryHandler
    public List<UserView> handle(FindActiveResidentsOfBlock query) {
        return readModel.activeResidentsOfBlock(query.societyId(), query.block());
    }
}

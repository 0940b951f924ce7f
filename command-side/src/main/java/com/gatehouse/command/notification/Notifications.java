package com.gatehouse.command.notification;

import com.gatehouse.api.common.FlatId;
import com.gatehouse.api.common.Role;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;
import com.gatehouse.api.directory.DirectoryQuery.FindActiveResidentsOfBlock;
import com.gatehouse.api.directory.DirectoryQuery.FindActiveResidentsOfFlat;
import com.gatehouse.api.directory.DirectoryQuery.FindActiveUsersOfSociety;
import com.gatehouse.api.directory.DirectoryViews.UserView;
import com.gatehouse.api.notification.NotificationCommand.SendNotification;
import com.gatehouse.api.notification.NotificationContent;
import com.gatehouse.api.notification.NotificationId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Set;

/**
 * Sending notifications, in one call, for every context: to one user, to every active resident of a
 * flat, or to every guard and admin of a society. Recipients are read from the directory when the
 * triggering event is handled. Each notification's id is derived from (trigger, recipient), so
 * handling the same trigger twice never notifies anyone twice.
 * <p>
 * Call it only from event handlers that must not replay (annotate them {@code @DisallowReplay}).
 * The commands run in the caller's unit of work: the notifications are stored in the same transaction
 * as the handler's progress, so a crash either keeps both or neither.
 */
@Component
public class Notifications {

    private final CommandGateway commands;
    private final QueryGateway queries;

    public Notifications(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    /** @param triggerId the id of the event that causes the notification (e.g. {@code EventMessage#getIdentifier()}) */
    public void toUser(String triggerId, UserId recipient, SocietyId society, NotificationContent content) {
        commands.sendAndWait(new SendNotification(NotificationId.of(triggerId, recipient), recipient, society, content));
    }

    public void toResidentsOfFlat(String triggerId, SocietyId society, FlatId flat, NotificationContent content) {
        send(triggerId, society, content, queries.query(new FindActiveResidentsOfFlat(flat.value()),
                ResponseTypes.multipleInstancesOf(UserView.class)).join());
    }

    /** To every active resident of every flat of one block of the society (an emergency's escalation). */
    public void toResidentsOfBlock(String triggerId, SocietyId society, String block, NotificationContent content) {
        send(triggerId, society, content, queries.query(new FindActiveResidentsOfBlock(society.value(), block),
                ResponseTypes.multipleInstancesOf(UserView.class)).join());
    }

    public void toGuardsAndAdmins(String triggerId, SocietyId society, NotificationContent content) {
        send(triggerId, society, content, queries.query(
                new FindActiveUsersOfSociety(society.value(), Set.of(Role.GUARD, Role.ADMIN)),
                ResponseTypes.multipleInstancesOf(UserView.class)).join());
    }

    /** To every active admin of the society (a complaint filed or reopened, a booking waiting for approval or confirmation). */
    public void toAdmins(String triggerId, SocietyId society, NotificationContent content) {
        send(triggerId, society, content, queries.query(
                new FindActiveUsersOfSociety(society.value(), Set.of(Role.ADMIN)),
                ResponseTypes.multipleInstancesOf(UserView.class)).join());
    }

    /** To every active member of the society, whatever their role (announcements). */
    public void toEveryoneInSociety(String triggerId, SocietyId society, NotificationContent content) {
        send(triggerId, society, content, queries.query(
                new FindActiveUsersOfSociety(society.value(), Set.of(Role.ADMIN, Role.GUARD, Role.RESIDENT, Role.AUDITOR)),
                ResponseTypes.multipleInstancesOf(UserView.class)).join());
    }

    private void send(String triggerId, SocietyId society, NotificationContent content, List<UserView> recipients) {
        for (UserView recipient : recipients) {
            toUser(triggerId, new UserId(recipient.id()), society, content);
        }
    }
}

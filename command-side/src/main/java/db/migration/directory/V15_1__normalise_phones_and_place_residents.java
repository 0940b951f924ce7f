package db.migration.directory;

import com.gatehouse.api.common.Phones;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Data written before issue 14: phone numbers of accounts become E.164 with the one rule of
 * {@link Phones} (so old 10-digit numbers keep signing in, in any form), and the residents already in
 * flats are counted for the family cap, the oldest active resident of each flat being its primary.
 * A number whose normal form another account already holds is left as it was.
 */
public class V15_1__normalise_phones_and_place_residents extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        var connection = context.getConnection();
        normalise(connection, "directory_lookup_phone");
        if (exists(connection, "directory_user")) {
            normalise(connection, "directory_user");
            try (Statement st = connection.createStatement()) {
                st.executeUpdate("""
                        insert into directory_lookup_resident (user_id, flat_id)
                        select id, flat_id from directory_user where role = 'RESIDENT' and active and flat_id is not null
                        on conflict do nothing""");
                st.executeUpdate("""
                        insert into directory_lookup_primary (flat_id, user_id)
                        select distinct on (flat_id) flat_id, id from directory_user
                        where role = 'RESIDENT' and active and flat_id is not null
                        order by flat_id, created_at, id
                        on conflict do nothing""");
            }
        }
    }

    private static boolean exists(java.sql.Connection connection, String table) throws Exception {
        try (PreparedStatement st = connection.prepareStatement("select to_regclass(?) is not null")) {
            st.setString(1, table);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private static void normalise(java.sql.Connection connection, String table) throws Exception {
        Map<String, String> changes = new LinkedHashMap<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("select phone from " + table)) {
            while (rs.next()) {
                String phone = rs.getString(1);
                String stored = Phones.stored(phone);
                if (!stored.equals(phone)) {
                    changes.put(phone, stored);
                }
            }
        }
        try (PreparedStatement update = connection.prepareStatement("update " + table + " set phone = ? where phone = ? "
                + "and not exists (select 1 from " + table + " t where t.phone = ?)")) {
            for (var change : changes.entrySet()) {
                update.setString(1, change.getValue());
                update.setString(2, change.getKey());
                update.setString(3, change.getValue());
                update.executeUpdate();
            }
        }
    }
}

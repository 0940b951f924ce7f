package com.gatehouse.api.staff;

import com.gatehouse.api.common.SocietyId;

/**
 * Staff QR cards: tokens signed by the server that name a staff member, their society and the card
 * version. A card proves who it was issued to without a database (a gate device can check the signature
 * offline with the server's published keys); whether its version is still the current one is decided by
 * the staff member ({@link StaffCommand.ScanStaffCard}). Implemented by the server with its signing key.
 */
public interface StaffCards {

    /** The token to print as a QR code. */
    String issue(StaffCard card);

    /**
     * The card a token stands for; refuses (400, field {@code qrToken}) anything that is not a card this
     * server signed: forged, altered, another kind of token, garbage.
     */
    StaffCard read(String token);

    record StaffCard(StaffId staffId, SocietyId societyId, int version) {
    }
}

-- Which instance runs a rebuild (the token store's node id) and when it last showed it was alive: with several
-- instances a rebuild runs on exactly one of them; one whose heartbeat stopped (its instance died) is taken over
-- by another instance from its stored position.
alter table projection_rebuild add column owner text;
alter table projection_rebuild add column heartbeat_at timestamptz;

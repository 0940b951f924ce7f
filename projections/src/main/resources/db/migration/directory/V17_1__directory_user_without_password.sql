-- Password hashes live in the command side's credentials table (V17_0 moved them there): no read model keeps one.
alter table directory_user drop column password_hash;

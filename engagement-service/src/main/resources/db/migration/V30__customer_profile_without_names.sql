-- Customer events no longer carry names (issue 15: complete erasure). The projection dropped the name it copied
-- from them, so no name stays here after an erasure or for a customer whose events are long gone.
alter table customer_profile drop column display_name;

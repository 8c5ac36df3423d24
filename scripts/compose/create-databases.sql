-- Run once by the postgres image on first start (docker-compose.yml). One database per service (and the console's sessions);
-- Temporal's auto-setup creates its own two.
CREATE DATABASE sanxiang_disclosure OWNER sanxiang;
CREATE DATABASE sanxiang_recording OWNER sanxiang;
CREATE DATABASE sanxiang_legal_review OWNER sanxiang;
CREATE DATABASE sanxiang_directory OWNER sanxiang;
CREATE DATABASE sanxiang_notifications OWNER sanxiang;
CREATE DATABASE sanxiang_inspection OWNER sanxiang;
CREATE DATABASE sanxiang_console OWNER sanxiang;
CREATE DATABASE sanxiang_identity OWNER sanxiang;

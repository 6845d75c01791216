-- Google may hand out a new refresh token when the current one is used; the newest is kept here so a
-- restart does not fall back to a revoked one. configured_sha256 is the hash of the token in the
-- settings: when an operator puts a new one there, it wins over the stored one.
CREATE TABLE oauth_refresh_token (
    account           text PRIMARY KEY,
    configured_sha256 text        NOT NULL,
    token             text        NOT NULL,
    updated_at        timestamptz NOT NULL DEFAULT now()
);

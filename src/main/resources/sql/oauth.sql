-- OAuth2 refresh tokens renewed by the provider (mail/auth/GoogleTokens).

-- name: current
SELECT token FROM oauth_refresh_token WHERE account = :account AND configured_sha256 = :configured

-- name: save
INSERT INTO oauth_refresh_token (account, configured_sha256, token) VALUES (:account, :configured, :token)
ON CONFLICT (account) DO UPDATE SET configured_sha256 = EXCLUDED.configured_sha256, token = EXCLUDED.token, updated_at = now()

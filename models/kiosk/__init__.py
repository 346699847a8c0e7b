"""The museum kiosk's Qt-free parts: the profile, the staff PIN, visit counts, the heartbeat, the supervisor."""

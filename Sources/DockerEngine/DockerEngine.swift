// Docker Engine API client.

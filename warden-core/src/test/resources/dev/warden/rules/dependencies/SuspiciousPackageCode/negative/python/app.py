import fetcher

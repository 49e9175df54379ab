-- wrk script: every request is a new reader (wrk keeps no cookies) reacting "happy" to one story.
-- The story path comes from the STORY environment variable, e.g. /articles/some-slug.
wrk.method = "POST"
wrk.path = os.getenv("STORY") .. "/reactions"
wrk.body = "kind=happy"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Origin"] = "http://127.0.0.1:" .. (os.getenv("PORT") or "5181")
wrk.headers["Sec-Fetch-Site"] = "same-origin"

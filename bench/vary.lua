-- Makes every request's URL unique (an extra "n" parameter the pages ignore), so that the page
-- cache never answers: what a visitor's own query costs the search index and the rendering.
local counter
function init(args)
  counter = tonumber(string.sub(tostring({}), 8), 16) or 0
end
function request()
  counter = counter + 1
  local sep = string.find(wrk.path, "?", 1, true) and "&" or "?"
  return wrk.format(nil, wrk.path .. sep .. "n=" .. counter)
end

-- Neovim 0.7 (Debian) as a second LSP client of the Bulletin language server: attaches
-- `node dist/server.js --stdio` to the bulletin given on the command line, asks for completion
-- where a bulletin id goes, reads the diagnostics back through vim.diagnostic.get(),
-- and writes what it saw as JSON for test/e2e/neovim/run.ts to judge. Waits poll a condition
-- with a timeout. Run: nvim --headless --clean -c "luafile lsp-client.lua" FILE
local server = assert(os.getenv('BULLETIN_SERVER'), 'BULLETIN_SERVER')
local root = assert(os.getenv('BULLETIN_ROOT'), 'BULLETIN_ROOT')
local result_file = assert(os.getenv('BULLETIN_RESULT'), 'BULLETIN_RESULT')
local timeout = 30000

local result = { diagnostics = {}, completion = {}, errors = {} }

local function write_result()
  local file = assert(io.open(result_file, 'w'))
  file:write(vim.fn.json_encode(result))
  file:close()
end

local function run()
  local bufnr = vim.api.nvim_get_current_buf()
  vim.bo[bufnr].filetype = 'bulletin'
  local client_id = vim.lsp.start_client({
    name = 'bulletin',
    cmd = { 'node', server, '--stdio' },
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = 'e2e' } },
    settings = { bulletin = { language = 'en' } },
    flags = { debounce_text_changes = 0 },
  })
  assert(client_id, 'the language server did not start')
  local client = vim.lsp.get_client_by_id(client_id)
  result.server_pid = client.rpc.pid
  vim.lsp.buf_attach_client(bufnr, client_id)

  -- Completion: a new item under `related:` is where another bulletin's id goes. The server
  -- indexes the workspace in the background, so the request is repeated until ids come.
  local last = vim.api.nvim_buf_line_count(bufnr)
  vim.api.nvim_buf_set_lines(bufnr, last, last, false, { '  - ' })
  local params = { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = { line = last, character = 4 } }
  local deadline = vim.loop.now() + timeout
  repeat
    local labels = {}
    local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/completion', params, 5000) or {}
    for _, response in pairs(responses) do
      if response.err then table.insert(result.errors, vim.inspect(response.err)) end
      local items = response.result and (response.result.items or response.result) or {}
      for _, item in ipairs(items) do table.insert(labels, item.label) end
    end
    result.completion = labels
    if #labels > 0 then break end
    vim.wait(200)
  until vim.loop.now() > deadline

  vim.api.nvim_buf_set_lines(bufnr, last, last + 1, false, {}) -- the file as on disk again

  -- Diagnostics, once the workspace is indexed (completion offered ids): the runner says how
  -- many the fixture has; a wrong or missing one shows in what is written back.
  local expected = tonumber(os.getenv('BULLETIN_EXPECT_DIAGNOSTICS') or '1')
  vim.wait(timeout, function() return #vim.diagnostic.get(bufnr) == expected end, 50)
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(result.diagnostics, {
      lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
      severity = d.severity, code = d.code, source = d.source, message = d.message,
    })
  end

  vim.lsp.stop_client(client_id)
  vim.wait(5000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 50)
end

local ok, err = pcall(run)
if not ok then table.insert(result.errors, tostring(err)) end
write_result()
vim.cmd(ok and 'qall!' or 'cquit! 1')

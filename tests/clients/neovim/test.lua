-- Neovim 0.7's built-in LSP client against `lsptriage serve`: opens each file given on the command line, waits for
-- the pushed diagnostics, prints them, then applies the owner quick fix on the first file and prints the result.
-- Everything printed is a line "KIND<TAB>..." that run.js compares with what it expects; the script itself only
-- fails (cquit) when the client cannot get that far.
--
--   LSPTRIAGE_SERVER=... LSPTRIAGE_ROOT=... nvim --headless --clean -u NONE -c 'luafile test.lua' a.md b.md

local function out(...)
  io.stdout:write(table.concat({ ... }, '\t') .. '\n')
end

local function fail(message)
  out('FAIL', message)
  vim.cmd('cquit 1')
end

local ok, err = pcall(function()
  local server = os.getenv('LSPTRIAGE_SERVER')
  local root = os.getenv('LSPTRIAGE_ROOT')
  if not server or not root then
    error('LSPTRIAGE_SERVER and LSPTRIAGE_ROOT must be set')
  end

  local exited = nil
  local client_id = vim.lsp.start_client({
    name = 'lsptriage',
    cmd = { server, 'serve' },
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = 'ws' } },
    on_exit = function(code, signal) exited = { code = code, signal = signal } end,
  })
  if not client_id then
    error('vim.lsp.start_client failed')
  end

  -- Which documents the server has published diagnostics for, empty lists included (a finished sample has none).
  local published = {}
  local default_handler = vim.lsp.handlers['textDocument/publishDiagnostics']
  vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
    default_handler(err, result, ctx, config)
    published[result.uri] = true
  end

  local files = vim.fn.argv()
  local buffers = {}
  for _, file in ipairs(files) do
    vim.cmd('edit ' .. vim.fn.fnameescape(file))
    local buf = vim.api.nvim_get_current_buf()
    vim.bo[buf].filetype = 'markdown'
    vim.lsp.buf_attach_client(buf, client_id)
    table.insert(buffers, buf)
  end

  local function print_diagnostics(label, buf)
    local diagnostics = vim.diagnostic.get(buf)
    table.sort(diagnostics, function(a, b)
      if a.lnum ~= b.lnum then return a.lnum < b.lnum end
      if a.col ~= b.col then return a.col < b.col end
      if a.code ~= b.code then return tostring(a.code) < tostring(b.code) end
      return a.message < b.message
    end)
    out('COUNT', label, tostring(#diagnostics))
    -- vim.diagnostic positions are zero-based lines and BYTE columns: Neovim converted from the server's UTF-16.
    for _, d in ipairs(diagnostics) do
      out('DIAG', label, string.format('%d:%d-%d:%d', d.lnum, d.col, d.end_lnum, d.end_col), tostring(d.severity), tostring(d.code), d.source or '', d.message)
    end
  end

  -- postmortems/* are the fixtures (they have findings); incidents/* are the repository's samples, labelled by
  -- their relative path and checked against `lsptriage check` by run.js.
  for i, buf in ipairs(buffers) do
    local is_sample = files[i]:match('^incidents/') ~= nil
    local label = is_sample and files[i] or vim.fn.fnamemodify(files[i], ':t')
    local uri = vim.uri_from_bufnr(buf)
    local ready = function()
      if is_sample then return published[uri] == true end
      return #vim.diagnostic.get(buf) > 0
    end
    if not vim.wait(15000, ready, 20) then
      error('no diagnostics for ' .. label .. ' within 15 s')
    end
    print_diagnostics(label, buf)
  end

  -- The outline of the first file, as the server sends it (names and nesting).
  local buf = buffers[1]
  local label = vim.fn.fnamemodify(files[1], ':t')
  local symbols = vim.lsp.buf_request_sync(buf, 'textDocument/documentSymbol', { textDocument = vim.lsp.util.make_text_document_params(buf) }, 5000)
  local result = symbols and symbols[client_id] and symbols[client_id].result
  if not result then
    error('no documentSymbol result')
  end
  local function walk(list, depth)
    for _, s in ipairs(list) do
      out('SYMBOL', string.rep('  ', depth) .. s.name, tostring(s.kind))
      if s.children then walk(s.children, depth + 1) end
    end
  end
  walk(result, 0)

  -- The quick fix for the first "no owner" finding, requested as :lua vim.lsp.buf.code_action() does in 0.7: the
  -- cursor position as the range, the line's diagnostics (converted back to LSP) as the context.
  local target = nil
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.code == 'LT006' and (target == nil or d.lnum < target.lnum) then target = d end
  end
  if not target then
    error('no LT006 diagnostic to fix')
  end
  vim.api.nvim_set_current_buf(buf)
  local function code_actions_at(col)
    vim.api.nvim_win_set_cursor(0, { target.lnum + 1, col })
    local params = vim.lsp.util.make_range_params()
    params.context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(buf) }
    local responses = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, 5000)
    return responses and responses[client_id] and responses[client_id].result or {}
  end
  -- With the cursor at the start of the line, before the finding's range: the line's fixes all the same.
  out('ACTIONS_AT_LINE_START', tostring(#code_actions_at(0)))
  local actions = code_actions_at(target.col)
  local chosen = nil
  for _, action in ipairs(actions) do
    out('ACTION', action.title, action.kind or '')
    if action.title == 'Add an owner placeholder (— [FILL IN])' then chosen = action end
  end
  if not chosen or not chosen.edit then
    error('owner quick fix not offered')
  end
  local version_before = vim.lsp.util.buf_versions[buf]
  vim.lsp.util.apply_workspace_edit(chosen.edit, 'utf-16')
  out('LINE', tostring(target.lnum), vim.api.nvim_buf_get_lines(buf, target.lnum, target.lnum + 1, false)[1])
  out('MODIFIED', tostring(vim.bo[buf].modified))

  -- Neovim sends the edit to the server as an incremental didChange; wait for diagnostics of the new buffer state.
  local fixed = vim.wait(15000, function()
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      if d.code == 'LT006' and d.lnum == target.lnum then return false end
    end
    return vim.lsp.util.buf_versions[buf] > version_before
  end, 20)
  if not fixed then
    error('diagnostics did not update after the quick fix')
  end
  print_diagnostics(label .. '#fixed', buf)

  -- Typing, as Neovim sends it: an emoji inserted at the start of the emoji line (line 10). Neovim computes the
  -- incremental change in UTF-16 itself; the placeholder must move from byte 30 to byte 35 (UTF-16 20 to 23).
  local version_before_typing = vim.lsp.util.buf_versions[buf]
  vim.api.nvim_buf_set_text(buf, 10, 0, 10, 0, { '🔥 ' })
  local moved = vim.wait(15000, function()
    if vim.lsp.util.buf_versions[buf] <= version_before_typing then return false end
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      if d.lnum == 10 and d.col == 35 then return true end
    end
    return false
  end, 20)
  if not moved then
    error('the placeholder on line 10 did not move to byte 35 after typing')
  end
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.lnum == 10 then
      out('TYPED', string.format('%d:%d-%d:%d', d.lnum, d.col, d.end_lnum, d.end_col), tostring(d.code), vim.api.nvim_buf_get_lines(buf, 10, 11, false)[1])
    end
  end

  -- Stop the client: shutdown then exit, and the server process must end with code 0.
  vim.lsp.stop_client(client_id)
  if not vim.wait(10000, function() return exited ~= nil end, 20) then
    error('server did not exit after shutdown')
  end
  out('EXIT', tostring(exited.code), tostring(exited.signal))
end)

if not ok then
  fail(tostring(err))
else
  out('DONE')
  vim.cmd('qall!')
end

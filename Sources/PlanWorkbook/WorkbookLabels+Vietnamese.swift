import ScenarioIO

extension WorkbookLabels {
    /// The readable plan in Vietnamese (`--lang vi`). As in English, the columns that are the
    /// contract's own (schools.csv's school_id, subject, year, required, before, after, shortage,
    /// and surplus beside them) keep their names, and so do the Transfers and Hires and releases
    /// sheets that `evaluate --plan plan.xlsx` reads back.
    public static let vietnamese = WorkbookLabels(
        summarySheet: "Tổng quan", yearsSheet: "Từng năm", schoolsSheet: "Trường", bySchoolSheet: "Theo trường",
        byAreaSheet: "Theo khu vực", assignmentsSheet: "Phân công", decisionsSheet: "Quyết định", communeSheetPrefix: "Xã ",
        provinceSheet: "Tỉnh", releasesSheet: "Tinh giản",
        figure: "Chỉ số", value: "Giá trị", key: "Khóa trong summary.json", scenario: "Kịch bản", status: "Trạng thái",
        method: "Phương pháp", weightedShortageBefore: "Thiếu hụt có trọng số trước (W0)",
        weightedShortage: "Thiếu hụt có trọng số sau (W)", cost: "Chi phí (C)", transfers: "Điều động", hires: "Tuyển mới",
        releases: "Tinh giản", retrained: "Đào tạo lại", payrollBefore: "Biên chế trước", payrollAfter: "Biên chế sau",
        mipGap: "Khoảng cách MIP", payrollChange: "Thay đổi biên chế cho phép (payroll_change)", hiring: "Được tuyển mới",
        sameLevel: "Chỉ điều động trong cùng cấp học", transferScope: "Phạm vi điều động",
        maxDistanceKm: "Quãng điều động xa nhất (km)", maxOutShare: "Tỷ lệ giáo viên tối đa một trường được điều đi",
        sharing: "Giáo viên được dạy chung nhiều trường", costMove: "Chi phí một lượt điều động", costPerKm: "Chi phí mỗi km",
        costHire: "Chi phí một lượt tuyển mới", costRelease: "Chi phí một lượt tinh giản", yes: "có", no: "không",
        noLimit: "không giới hạn",
        year: "year", payroll: "Biên chế", payrollCap: "Trần biên chế", schoolID: "school_id", schoolName: "Trường",
        area: "Khu vực", level: "Cấp học", subject: "subject", sendingName: "Trường điều đi", sendingArea: "Khu vực điều đi",
        receivingName: "Trường nhận", receivingArea: "Khu vực nhận", authority: "Cấp ký quyết định",
        required: "required", before: "before", after: "after", shortage: "shortage", norm: "Định mức",
        present: "Có mặt sau phương án", balance: "Thừa + / thiếu −",
        schools: "Số trường", surplus: "surplus", sent: "Điều đi", received: "Nhận về",
        withinArea: "Điều động trong khu vực", hired: "Tuyển mới", released: "Tinh giản", retrainedAway: "Đi đào tạo lại",
        retrainedIn: "Đào tạo lại về", netChange: "Thay đổi ròng", total: "Tổng", teacher: "Giáo viên", action: "Thao tác",
        fromSchool: "Từ trường", toSchool: "Đến trường", toSubject: "Sang môn", reason: "Lý do",
        decisionCount: "Số quyết định")

    /// The readable plan's labels in the language of `labels` (`--lang`, scenario.yaml's `lang`).
    public static func of(_ labels: Labels) -> WorkbookLabels {
        switch labels.language {
        case .en: return .english
        case .vi: return .vietnamese
        }
    }
}
